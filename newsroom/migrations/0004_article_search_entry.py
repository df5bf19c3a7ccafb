import django.contrib.postgres.indexes
import django.contrib.postgres.search
import django.db.models.deletion
from django.contrib.postgres.search import SearchVector
from django.db import connection, migrations, models

from newsroom.blocks import body_text
from newsroom.search import SEARCH_CONFIG, fold

BATCH = 500


def fill_entries(apps, schema_editor):
    """Articles written before search had its own vectors: index their current text.

    Safe to repeat (testing reruns data migrations, without a schema editor).
    """
    if (schema_editor.connection if schema_editor else connection).vendor != "postgresql":
        return
    ArticlePage = apps.get_model("newsroom", "ArticlePage")
    Entry = apps.get_model("newsroom", "ArticleSearchEntry")
    batch = []
    for article in ArticlePage.objects.only("title", "lede", "body").iterator(chunk_size=BATCH):
        text = fold(f"{article.title}\n{article.lede}\n{body_text(article.body)}")
        vector = SearchVector(models.Value(text), config=SEARCH_CONFIG)
        batch.append(Entry(article_id=article.pk, vector=vector))
        if len(batch) == BATCH:
            Entry.objects.bulk_create(batch, ignore_conflicts=True)
            batch = []
    Entry.objects.bulk_create(batch, ignore_conflicts=True)


class Migration(migrations.Migration):

    dependencies = [
        ('newsroom', '0003_article_sort_date'),
    ]

    operations = [
        migrations.CreateModel(
            name='ArticleSearchEntry',
            fields=[
                ('article', models.OneToOneField(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, primary_key=True, related_name='search_entry', serialize=False, to='newsroom.articlepage')),
                ('vector', django.contrib.postgres.search.SearchVectorField()),
            ],
            options={
                'required_db_vendor': 'postgresql',
                'indexes': [django.contrib.postgres.indexes.GinIndex(fields=['vector'], name='article_search_vector')],
            },
        ),
        migrations.RunPython(fill_entries, migrations.RunPython.noop),
    ]

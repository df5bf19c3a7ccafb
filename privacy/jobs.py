from samizdat.jobs import register

from .clients import destroy_old_salts


@register("destroy_old_salts", interval=600)
def destroy_salts():
    """Destroy yesterday's-but-one salts so old hashes can never be linked to anyone."""
    destroy_old_salts()

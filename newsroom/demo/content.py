"""The demo newsroom's texts: journalists, stories and their translations.

Everything here is invented: the people, the outlets and the events. Only the places are real.
Stories are in Belarusian; about a third are also translated into Russian and English.

Long prose is written as wrapped text in triple quotes; a blank line starts a new paragraph. In
"text" the subheading goes before the second paragraph and the quote after it.
"""

# Credit lines by kind, in each language; images carry the Belarusian one.
CREDITS = {
    "photo": {"be": "Фота: рэдакцыя", "ru": "Фото: редакция", "en": "Photo: Newsroom"},
    "collage": {"be": "Калаж: рэдакцыя", "ru": "Коллаж: редакция", "en": "Collage: Newsroom"},
    "illustration": {
        "be": "Ілюстрацыя: рэдакцыя",
        "ru": "Иллюстрация: редакция",
        "en": "Illustration: Newsroom",
    },
    "reader": {
        "be": "Фота з архіва чытача",
        "ru": "Фото из архива читателя",
        "en": "Photo: Reader’s archive",
    },
    # An agency that does not exist, so that demo credits never borrow a real one's name.
    "pool": {
        "be": "Фота: агенцтва «Дэма»",
        "ru": "Фото: агентство «Демо»",
        "en": "Photo: Demo Agency",
    },
}

# Each journalist's name and short bio per language.
AUTHORS = {
    "dziamidava": {
        "be": (
            "Алеся Дзямідава",
            "Піша пра палітыку і суды. Да 2021 года працавала ў рэгіянальнай газеце ў Гродне.",
        ),
        "ru": (
            "Алеся Демидова",
            "Пишет о политике и судах. До 2021 года работала в региональной газете в Гродно.",
        ),
        "en": (
            "Alesia Dziamidava",
            (
                "Covers politics and the courts. Until 2021 she worked for a regional paper in "
                "Hrodna."
            ),
        ),
    },
    "shyla": {
        "be": (
            "Павел Шыла",
            "Ваенны аглядальнік. Сочыць за вайной Расіі супраць Украіны і за беларускім войскам.",
        ),
        "ru": (
            "Павел Шило",
            (
                "Военный обозреватель. Следит за войной России против Украины и за белорусской "
                "армией."
            ),
        ),
        "en": (
            "Pavel Shyla",
            (
                "Military correspondent. Follows Russia’s war against Ukraine and the Belarusian "
                "army."
            ),
        ),
    },
    "kaval": {
        "be": (
            "Марына Каваль",
            (
                "Піша пра тое, як жывуць людзі ў Беларусі і ў эміграцыі: цэны, медыцына, школа, "
                "дакументы."
            ),
        ),
        "ru": (
            "Марина Коваль",
            (
                "Пишет о том, как живут люди в Беларуси и в эмиграции: цены, медицина, школа, "
                "документы."
            ),
        ),
        "en": (
            "Maryna Kaval",
            (
                "Writes about everyday life in Belarus and in exile: prices, healthcare, schools, "
                "papers."
            ),
        ),
    },
    "burak": {
        "be": ("Янка Бурак", "Рэдактар аддзела культуры. Ходзіць у тэатр часцей, чым дадому."),
        "ru": ("Янка Бурак", "Редактор отдела культуры. Ходит в театр чаще, чем домой."),
        "en": ("Janka Burak", "Culture editor. Goes to the theatre more often than he goes home."),
    },
    "trusava": {
        "be": ("Вольга Трусава", "Піша пра клімат, лясы і рэкі. Па адукацыі гідролаг."),
        "ru": ("Ольга Трусова", "Пишет о климате, лесах и реках. По образованию гидролог."),
        "en": (
            "Volha Trusava",
            "Writes about climate, forests and rivers. A hydrologist by training.",
        ),
    },
    "zhuk": {
        "be": ("Дзяніс Жук", "Журналіст даных. Лічыць тое, што іншыя толькі называюць."),
        "ru": ("Денис Жук", "Журналист данных. Считает то, что другие только называют."),
        "en": ("Dzianis Zhuk", "Data journalist. Counts what others only name."),
    },
}

# Closing paragraphs that fit any story of a section: how we work and the wider context.
# Paragraphs are separated by blank lines; a story picks one with "note", or the loader
# takes turns.
NOTES = {
    "politics": {
        "be": """
            Мы не называем імёнаў суразмоўцаў, якія застаюцца ў Беларусі: за размову з незалежнымі
            медыя ім можа пагражаць крымінальная справа. Іх словы мы правяраем па дакументах і
            іншых крыніцах.

            Па падліках праваабаронцаў, у беларускіх турмах і калоніях застаюцца больш за тысячу
            чалавек, якіх яны лічаць палітычнымі вязнямі. Спіс мяняецца штотыдзень: адных
            вызваляюць, іншых затрымліваюць.

            Мы накіравалі пытанні ў прэс-службу ведамства. Да моманту публікацыі адказу не было;
            калі ён прыйдзе, мы дапоўнім гэты тэкст.

            Юрысты, з якімі мы размаўлялі, раяць тым, хто з’ехаў, не ездзіць у Беларусь, пакуль яны
            не праверылі, ці няма на іх справы. Зрабіць гэта можна праз сваякоў або адваката, але
            не праз дзяржаўныя анлайн-сэрвісы.
        """,
        "ru": """
            Мы не называем имён собеседников, которые остаются в Беларуси: за разговор с
            независимыми медиа им может грозить уголовное дело. Их слова мы проверяем по документам
            и другим источникам.

            По подсчётам правозащитников, в белорусских тюрьмах и колониях остаются больше тысячи
            человек, которых они считают политическими заключёнными. Список меняется каждую неделю:
            одних освобождают, других задерживают.

            Мы направили вопросы в пресс-службу ведомства. На момент публикации ответа не было;
            если он придёт, мы дополним этот текст.

            Юристы, с которыми мы говорили, советуют уехавшим не ездить в Беларусь, пока они не
            проверили, нет ли на них дела. Сделать это можно через родственников или адвоката, но
            не через государственные онлайн-сервисы.
        """,
        "en": """
            We do not name sources who remain in Belarus: talking to independent media can expose
            them to criminal charges. We check what they tell us against documents and other
            sources.

            Human rights groups count more than a thousand people in Belarusian prisons and penal
            colonies whom they consider political prisoners. The list changes every week: some are
            released, others detained.

            We sent questions to the press office of the agency concerned. No reply had arrived by
            the time of publication; we will update this story if one does.

            Lawyers we spoke to advise people who have left not to travel to Belarus before
            checking whether a case has been opened against them. Relatives or a lawyer can check;
            state online services are not a safe way to do it.
        """,
    },
    "war": {
        "be": """
            Беларусь афіцыйна не ўдзельнічае ў вайне, але ў 2022 годзе расійскія войскі ўваходзілі
            ва Украіну з яе тэрыторыі, а ракеты ляцелі з беларускіх палігонаў. Мінск і цяпер
            дазваляе расійскаму войску карыстацца сваёй інфраструктурай.

            Звесткі пра перамяшчэнне тэхнікі мы атрымліваем ад чытачоў і маніторынгавых ініцыятыў.
            Фота і відэа мы публікуем з затрымкай і без прывязкі да дакладнага месца, каб не
            падвяргаць небяспецы тых, хто іх зняў.

            Міністэрства абароны Беларусі на нашы пытанні не адказвае. Афіцыйныя паведамленні
            ведамства мы прыводзім у тым выглядзе, у якім яны былі апублікаваныя.

            Калі вы бачылі тое, пра што варта ведаць, напішыце нам праз абаронены канал. Не
            здымайце вайсковыя аб’екты адкрыта і не захоўвайце такія файлы ў тэлефоне.
        """,
        "ru": """
            Беларусь официально не участвует в войне, но в 2022 году российские войска входили в
            Украину с её территории, а ракеты летели с белорусских полигонов. Минск и сейчас
            позволяет российской армии пользоваться своей инфраструктурой.

            Сведения о перемещении техники мы получаем от читателей и мониторинговых инициатив.
            Фото и видео мы публикуем с задержкой и без привязки к точному месту, чтобы не
            подвергать опасности тех, кто их снял.

            Министерство обороны Беларуси на наши вопросы не отвечает. Официальные сообщения
            ведомства мы приводим в том виде, в котором они были опубликованы.

            Если вы видели то, о чём стоит знать, напишите нам через защищённый канал. Не снимайте
            военные объекты открыто и не храните такие файлы в телефоне.
        """,
        "en": """
            Belarus is not officially a party to the war, but in 2022 Russian troops entered
            Ukraine from its territory and missiles were fired from Belarusian ranges. Minsk still
            lets the Russian military use its infrastructure.

            Reports of military movements come to us from readers and monitoring groups. We publish
            photos and videos with a delay and without exact locations, so as not to endanger the
            people who took them.

            The Belarusian defence ministry does not answer our questions. We quote its official
            statements as they were published.

            If you have seen something we should know about, write to us through a secure channel.
            Do not film military sites openly and do not keep such files on your phone.
        """,
    },
    "society": {
        "be": """
            Гісторыі людзей мы запісваем з іх згоды. Імёны некаторых герояў змененыя: яны жывуць у
            Беларусі або часта туды ездзяць.

            Паводле ацэнак даследчыкаў, пасля 2020 года з Беларусі з’ехалі ад двухсот да трохсот
            тысяч чалавек. Найбуйнейшыя суполкі склаліся ў Польшчы, Літве і Грузіі.

            Калі ў вас ёсць падобная гісторыя або вы можаце дапоўніць гэты тэкст, напішыце ў
            рэдакцыю. Мы адказваем на ўсе лісты, хоць і не заўсёды адразу.

            Афіцыйная статыстыка па гэтай тэме з’яўляецца рэдка і з затрымкай, таму мы абапіраемся
            на апытанні, аб’явы і ўласныя падлікі. Як мы лічылі, растлумачым кожнаму, хто спытае.
        """,
        "ru": """
            Истории людей мы записываем с их согласия. Имена некоторых героев изменены: они живут в
            Беларуси или часто туда ездят.

            По оценкам исследователей, после 2020 года из Беларуси уехали от двухсот до трёхсот
            тысяч человек. Крупнейшие общины сложились в Польше, Литве и Грузии.

            Если у вас есть похожая история или вы можете дополнить этот текст, напишите в
            редакцию. Мы отвечаем на все письма, хотя и не всегда сразу.

            Официальная статистика по этой теме появляется редко и с задержкой, поэтому мы
            опираемся на опросы, объявления и собственные подсчёты. Как мы считали, объясним
            каждому, кто спросит.
        """,
        "en": """
            We record people’s stories with their consent. Some names have been changed because
            those people live in Belarus or travel there often.

            Researchers estimate that between two and three hundred thousand people have left
            Belarus since 2020. The largest communities are in Poland, Lithuania and Georgia.

            If you have a similar story or can add to this one, write to the newsroom. We answer
            every letter, though not always at once.

            Official statistics on this subject appear rarely and late, so we rely on surveys,
            listings and our own counts. We will explain how we counted to anyone who asks.
        """,
    },
    "culture": {
        "be": """
            Пасля 2020 года ў Беларусі закрылі дзясяткі незалежных выдавецтваў, галерэй і
            культурных цэнтраў. Многія з іх працуюць цяпер у Вільні, Варшаве і Беластоку.

            Чытачам у Беларусі нагадваем: кнігі і музыка, прызнаныя «экстрэмісцкімі», могуць стаць
            падставай для штрафу або арышту. Перш чым захоўваць файлы ці рабіць рэпост, праверце
            спіс.

            Квіткі, даты і адрасы мы публікуем толькі пасля таго, як арганізатары самі іх
            абвесцяць. Некаторыя падзеі праходзяць па запрашэннях, і мы паважаем гэтае рашэнне.

            Культура ў эміграцыі жыве на гранты, продаж квіткоў і ахвяраванні гледачоў. Большасць
            удзельнікаў праектаў, пра якія мы пішам, мае яшчэ адну, звычайную працу.
        """,
        "ru": """
            После 2020 года в Беларуси закрыли десятки независимых издательств, галерей и
            культурных центров. Многие из них работают теперь в Вильнюсе, Варшаве и Белостоке.

            Читателям в Беларуси напоминаем: книги и музыка, признанные «экстремистскими», могут
            стать поводом для штрафа или ареста. Прежде чем хранить файлы или делать репост,
            проверьте список.

            Билеты, даты и адреса мы публикуем только после того, как организаторы сами их объявят.
            Некоторые события проходят по приглашениям, и мы уважаем это решение.

            Культура в эмиграции живёт на гранты, продажу билетов и пожертвования зрителей. У
            большинства участников проектов, о которых мы пишем, есть ещё одна, обычная работа.
        """,
        "en": """
            Since 2020 dozens of independent publishers, galleries and cultural centres have been
            shut down in Belarus. Many of them now work from Vilnius, Warsaw and Białystok.

            A reminder to readers in Belarus: books and music declared “extremist” can lead to a
            fine or arrest. Check the list before you keep files or share a post.

            We publish tickets, dates and addresses only after the organisers have announced them.
            Some events are by invitation only, and we respect that.

            Culture in exile lives on grants, ticket sales and donations from audiences. Most of
            the people behind the projects we write about also hold an ordinary day job.
        """,
    },
    "climate": {
        "be": """
            Сярэдняя гадавая тэмпература ў Беларусі за апошнія тры дзесяцігоддзі вырасла больш чым
            на градус. Кліматолагі звязваюць з гэтым цёплыя зімы, засухі і частыя ўраганы.

            Звесткі пра стан рэк і лясоў мы бярэм з адкрытых дзяржаўных назіранняў, спадарожнікавых
            здымкаў і ацэнак незалежных экспертаў. Там, дзе лічбы разыходзяцца, мы паказваем
            абедзве.

            Большасць незалежных экалагічных арганізацый у Беларусі ліквідаваная, і многія
            навукоўцы больш не могуць публічна каментаваць тое, што бачаць. Таму частка нашых
            суразмоўцаў выступае ананімна.

            Беларусь падпісала Парыжскае пагадненне і абяцала скараціць выкіды. Незалежнай праверкі
            таго, як выконваюцца гэтыя абяцанні, у краіне цяпер няма.
        """,
        "ru": """
            Средняя годовая температура в Беларуси за последние три десятилетия выросла больше чем
            на градус. Климатологи связывают с этим тёплые зимы, засухи и частые ураганы.

            Сведения о состоянии рек и лесов мы берём из открытых государственных наблюдений,
            спутниковых снимков и оценок независимых экспертов. Там, где цифры расходятся, мы
            приводим обе.

            Большинство независимых экологических организаций в Беларуси ликвидировано, и многие
            учёные больше не могут публично комментировать то, что видят. Поэтому часть наших
            собеседников выступает анонимно.

            Беларусь подписала Парижское соглашение и обещала сократить выбросы. Независимой
            проверки того, как выполняются эти обещания, в стране сейчас нет.
        """,
        "en": """
            Belarus’s average annual temperature has risen by more than a degree over the last
            three decades. Climate scientists link warm winters, droughts and frequent storms to
            that rise.

            Our figures on rivers and forests come from open state monitoring data, satellite
            images and independent experts. Where the numbers differ, we show both.

            Most independent environmental organisations in Belarus have been dissolved, and many
            scientists can no longer speak publicly about what they see. That is why some of our
            sources remain anonymous.

            Belarus signed the Paris Agreement and pledged to cut emissions. There is currently no
            independent scrutiny in the country of how those pledges are being kept.
        """,
    },
}

# Newest first. Hours are counted back from the moment the demo is loaded.
STORIES = [
    {
        "section": "politics",
        "hours_ago": 0.6,
        "authors": ("dziamidava",),
        "lead": ("city", "photo"),
        "photo": ("city", "pool"),
        "note": 0,
        "be": {
            "title": (
                "Гродзенскі суд завочна асудзіў пяцярых адміністратараў тэлеграм-канала «Над "
                "Нёманам»"
            ),
            "lede": """
                Абласны суд прызнаў іх вінаватымі ў «стварэнні экстрэмісцкага фарміравання» і
                прызначыў ад шасці да адзінаццаці гадоў калоніі. Ніхто з асуджаных не жыве ў
                Беларусі больш за тры гады.

                Пра прысуд адміністратары даведаліся з паведамлення пракуратуры.
            """,
            "caption": (
                "Вечаровае Гродна. Канал «Над Нёманам» пісаў пра гарадскія навіны з 2019 года"
            ),
            "text": """
                Справу разглядалі паводле працэдуры «спецыяльнай завочнай вытворчасці», якая
                дазваляе судзіць людзей без іх удзелу. Абвінавачаным прызначылі адвакатаў, як
                патрабуе закон; ні з кім з іх абаронцы не звязваліся.

                Канал «Над Нёманам» меў каля дваццаці тысяч падпісчыкаў. Ён публікаваў расклад
                гарадскога транспарту, аб’явы пра згубленых жывёл і навіны гарвыканкама, а пасля
                2020 года — яшчэ і паведамленні пра затрыманні. Менавіта апошнія пракуратура
                назвала ў справе «дыскрэдытацыяй органаў улады».

                Акрамя тэрмінаў, суд прызначыў кожнаму штраф і канфіскацыю маёмасці. У двух
                асуджаных у Гродне засталіся кватэры, дзе цяпер жывуць іх бацькі. Што будзе з гэтым
                жыллём, пакуль незразумела.
            """,
            "subheading": "«Мы пісалі пра аўтобусы і бяздомных катоў»",
            "quote": (
                (
                    "Мы пісалі пра аўтобусы, рамонт дарог і бяздомных катоў. Калі гэта "
                    "экстрэмізм, то экстрэмісты — усе, хто любіць свой горад."
                ),
                "Ігар Сцяпура, адзін з асуджаных",
            ),
            "tags": ("Гродна", "суды", "медыя"),
            "photo_caption": "Будынак Гродзенскага абласнога суда. Архіўнае фота",
        },
        "ru": {
            "title": (
                "Гродненский суд заочно осудил пятерых администраторов телеграм-канала «Над "
                "Неманом»"
            ),
            "lede": """
                Областной суд признал их виновными в «создании экстремистского формирования» и
                назначил от шести до одиннадцати лет колонии. Никто из осуждённых не живёт в
                Беларуси больше трёх лет.

                О приговоре администраторы узнали из сообщения прокуратуры.
            """,
            "caption": (
                "Вечерний Гродно. Канал «Над Неманом» писал о городских новостях с 2019 года"
            ),
            "text": """
                Дело рассматривали по процедуре «специального заочного производства», которая
                позволяет судить людей без их участия. Обвиняемым назначили адвокатов, как требует
                закон; ни с кем из них защитники не связывались.

                У канала «Над Неманом» было около двадцати тысяч подписчиков. Он публиковал
                расписание городского транспорта, объявления о потерявшихся животных и новости
                горисполкома, а после 2020 года — ещё и сообщения о задержаниях. Именно последние
                прокуратура назвала в деле «дискредитацией органов власти».

                Кроме сроков, суд назначил каждому штраф и конфискацию имущества. У двоих
                осуждённых в Гродно остались квартиры, где сейчас живут их родители. Что будет с
                этим жильём, пока непонятно.
            """,
            "subheading": "«Мы писали об автобусах и бездомных котах»",
            "quote": (
                (
                    "Мы писали об автобусах, ремонте дорог и бездомных котах. Если это "
                    "экстремизм, то экстремисты — все, кто любит свой город."
                ),
                "Игорь Степура, один из осуждённых",
            ),
            "tags": ("Гродно", "суды", "медиа"),
            "photo_caption": "Здание Гродненского областного суда. Архивное фото",
        },
        "en": {
            "title": "Hrodna court sentences five Telegram channel admins in absentia",
            "lede": """
                The regional court found them guilty of “creating an extremist group” and handed
                down prison terms of six to eleven years. None of the five has lived in Belarus for
                more than three years.

                The admins learned of the verdict from a statement by the prosecutor’s office.
            """,
            "caption": (
                "Hrodna in the evening. The channel Nad Nioman had covered city news since 2019"
            ),
            "text": """
                The case was heard under the procedure of “special proceedings in absentia”, which
                allows people to be tried without taking part. The defendants were assigned
                lawyers, as the law requires; none of the lawyers contacted them.

                Nad Nioman had about twenty thousand subscribers. It posted bus timetables,
                lost-pet notices and news from the city council, and after 2020 also reports of
                arrests. It was those reports that prosecutors described in the case as
                “discrediting the authorities”.

                Besides the prison terms, the court fined each of the five and ordered their
                property confiscated. Two of them still own flats in Hrodna where their parents now
                live. What will happen to those homes is not yet clear.
            """,
            "subheading": "“We wrote about buses and stray cats”",
            "quote": (
                (
                    "We wrote about buses, road repairs and stray cats. If that is extremism, "
                    "then everyone who loves their city is an extremist."
                ),
                "Ihar Sciapura, one of those convicted",
            ),
            "tags": ("Hrodna", "courts", "media"),
            "photo_caption": "The Hrodna regional court building. Archive photo",
        },
    },
    {
        "section": "war",
        "hours_ago": 2.5,
        "updated_after": 1.5,
        "authors": ("shyla",),
        "lead": ("field", "photo"),
        "embed": {"url": "https://t.example.org/palesse_monitoring/2318", "provider": "Telegram"},
        "note": 1,
        "be": {
            "title": (
                "Над Палессем зноў дроны: жыхары вёсак ля ўкраінскай мяжы расказваюць пра начны гул"
            ),
            "lede": """
                Жыхары некалькіх вёсак Столінскага і Лунінецкага раёнаў паведамілі, што ўначы чулі
                гук маторных беспілотнікаў. Маніторынгавая група налічыла не менш за чатыры
                апараты: мяркуючы па траекторыі, гэта расійскія ўдарныя дроны, якія зрэзалі шлях
                над беларускай тэрыторыяй.

                Міністэрства абароны пацвердзіла, што сілы супрацьпаветранай абароны «знаходзіліся
                ў павышанай гатоўнасці».
            """,
            "caption": (
                "Поле каля вёскі ў Столінскім раёне. Мясцовыя жыхары кажуць, што гул быў чуваць "
                "каля гадзіны"
            ),
            "text": """
                Першыя паведамленні з’явіліся ў мясцовых чатах каля другой гадзіны ночы. Людзі
                пісалі пра «матацыкл у небе» і пыталіся адзін у аднаго, ці не чулі яны выбухаў.
                Выбухаў, паводле ўсіх сведчанняў, не было.

                Такое здараецца не ўпершыню. Летась маніторынгавыя ініцыятывы налічылі дзясяткі
                залётаў: частку дронаў збівала з курсу радыёэлектронная барацьба, частка,
                верагодна, ляцела праз Беларусь наўмысна, каб абысці ўкраінскую супрацьпаветраную
                абарону.

                Мясцовыя ўлады рэкамендавалі жыхарам не падыходзіць да падазроных прадметаў і
                паведамляць пра іх у міліцыю. Іншых тлумачэнняў людзі не атрымалі.
            """,
            "subheading": "«Як матацыкл у небе»",
            "quote": (
                (
                    "Мы ўжо адрозніваем гэты гук. Спачатку думаеш, што сусед едзе на матацыкле, а "
                    "потым разумееш, што ён над табой."
                ),
                "жыхарка вёскі пад Століным",
            ),
            "tags": ("Палессе", "дроны", "мяжа з Украінай"),
            "embed_title": (
                "Відэа маніторынгавай групы: гук дрона над вёскай а другой гадзіне ночы"
            ),
        },
        "ru": {
            "title": (
                "Над Полесьем снова дроны: жители деревень у украинской границы рассказывают о "
                "ночном гуле"
            ),
            "lede": """
                Жители нескольких деревень Столинского и Лунинецкого районов сообщили, что ночью
                слышали звук моторных беспилотников. Мониторинговая группа насчитала не меньше
                четырёх аппаратов: судя по траектории, это российские ударные дроны, которые
                срезали путь над белорусской территорией.

                Министерство обороны подтвердило, что силы противовоздушной обороны «находились в
                повышенной готовности».
            """,
            "caption": (
                "Поле у деревни в Столинском районе. Местные жители говорят, что гул был слышен "
                "около часа"
            ),
            "text": """
                Первые сообщения появились в местных чатах около двух часов ночи. Люди писали о
                «мотоцикле в небе» и спрашивали друг друга, не слышал ли кто взрывов. Взрывов, по
                всем свидетельствам, не было.

                Такое происходит не впервые. В прошлом году мониторинговые инициативы насчитали
                десятки залётов: часть дронов сбивала с курса радиоэлектронная борьба, часть,
                вероятно, летела через Беларусь намеренно, чтобы обойти украинскую противовоздушную
                оборону.

                Местные власти рекомендовали жителям не подходить к подозрительным предметам и
                сообщать о них в милицию. Других объяснений люди не получили.
            """,
            "subheading": "«Как мотоцикл в небе»",
            "quote": (
                (
                    "Мы уже различаем этот звук. Сначала думаешь, что сосед едет на мотоцикле, а "
                    "потом понимаешь, что он над тобой."
                ),
                "жительница деревни под Столином",
            ),
            "tags": ("Полесье", "дроны", "граница с Украиной"),
            "embed_title": "Видео мониторинговой группы: звук дрона над деревней в два часа ночи",
        },
        "en": {
            "title": (
                "Drones over Palesse again: villages near the Ukrainian border hear engines in "
                "the night"
            ),
            "lede": """
                Residents of several villages in the Stolin and Luniniec districts say they heard
                the engines of drones during the night. A monitoring group counted at least four:
                judging by their flight paths, they were Russian attack drones cutting across
                Belarusian territory.

                The defence ministry confirmed that air defence units had been “on heightened
                alert”.
            """,
            "caption": (
                "A field near a village in the Stolin district. Locals say the noise lasted about "
                "an hour"
            ),
            "text": """
                The first messages appeared in local group chats at around 2 a.m. People wrote
                about “a motorbike in the sky” and asked each other whether anyone had heard
                explosions. By all accounts, there were none.

                It is not the first time. Last year monitoring groups counted dozens of such
                incursions: some drones were pushed off course by electronic warfare, while others
                probably flew through Belarus on purpose to get around Ukrainian air defences.

                Local officials advised residents not to approach suspicious objects and to report
                them to the police. They offered no other explanation.
            """,
            "subheading": "“Like a motorbike in the sky”",
            "quote": (
                (
                    "We can tell that sound by now. At first you think a neighbour is riding past "
                    "on his motorbike, and then you realise it is above you."
                ),
                "a resident of a village near Stolin",
            ),
            "tags": ("Palesse", "drones", "Ukrainian border"),
            "embed_title": "Monitoring group video: a drone heard over a village at 2 a.m.",
        },
    },
    {
        "section": "society",
        "hours_ago": 4,
        "authors": ("kaval", "zhuk"),
        "lead": ("road", "photo"),
        "gallery": (("road", "city", "road"), "reader"),
        "note": 1,
        "be": {
            "title": "Чарга на мяжы з Польшчай: у Брэсце аўтобусы чакаюць праезду да трох сутак",
            "lede": """
                Пасля таго як Польшча пакінула для пасажырскага транспарту адзін пункт пропуску,
                чарга на выезд з Брэста расцягнулася на некалькі кіламетраў. Перавозчыкі ўжо
                папярэджваюць пасажыраў, што дарога ў Варшаву можа заняць больш за двое сутак.

                Нашы чытачы даслалі фота з чаргі.
            """,
            "caption": "Аўтобусы ў чарзе на выезд з Брэста. Здымак зроблены ўначы",
            "text": """
                Кіроўца аднаго з міжнародных рэйсаў расказаў, што яго аўтобус прастаяў у чарзе 58
                гадзін. Пасажыры па чарзе хадзілі ў краму на бліжэйшай запраўцы і спалі,
                скурчыўшыся на сядзеннях; для пенсіянеркі з высокім ціскам давялося выклікаць
                хуткую.

                Прычын некалькі. Памежнікі з беларускага боку правяраюць тэлефоны выбарачна, але
                доўга, а колькасць аўтобусаў не памяншаецца: многія едуць да сваякоў, на працу і да
                ўрачоў. Да таго ж частка перавозчыкаў адмовілася ад маршрутаў праз Літву, і
                пасажыры перайшлі на польскі кірунак.

                Некаторыя перавозчыкі вяртаюць грошы за квіткі, калі чарга перавышае суткі, але
                большасць проста пераносіць рэйсы. Квіткі на бліжэйшыя дні ў асноўным раскупленыя.
            """,
            "subheading": "Праверкі і новыя маршруты",
            "quote": (
                (
                    "Людзі едуць не на адпачынак. Хтосьці на працу, хтосьці да маці ў бальніцу. І "
                    "ўсе ведаюць, што могуць не паспець."
                ),
                "Андрэй, кіроўца міжнароднага рэйса",
            ),
            "tags": ("Брэст", "мяжа", "Польшча"),
            "gallery_captions": (
                "Чарга пачынаецца яшчэ ў горадзе",
                "Пасажыры чакаюць на прыпынку каля запраўкі",
                "Уначы рух амаль спыняецца",
            ),
            "gallery_caption": (
                "Чарга на выезд з Брэста. Фота чытачоў, якія прасілі не называць іх імёнаў"
            ),
        },
        "ru": {
            "title": "Очередь на границе с Польшей: в Бресте автобусы ждут проезда до трёх суток",
            "lede": """
                После того как Польша оставила для пассажирского транспорта один пункт пропуска,
                очередь на выезд из Бреста растянулась на несколько километров. Перевозчики уже
                предупреждают пассажиров, что дорога в Варшаву может занять больше двух суток.

                Наши читатели прислали фото из очереди.
            """,
            "caption": "Автобусы в очереди на выезд из Бреста. Снимок сделан ночью",
            "text": """
                Водитель одного из международных рейсов рассказал, что его автобус простоял в
                очереди 58 часов. Пассажиры по очереди ходили в магазин на ближайшей заправке и
                спали, скрючившись на сиденьях; для пенсионерки с высоким давлением пришлось
                вызывать скорую.

                Причин несколько. Пограничники с белорусской стороны проверяют телефоны выборочно,
                но долго, а количество автобусов не уменьшается: многие едут к родственникам, на
                работу и к врачам. К тому же часть перевозчиков отказалась от маршрутов через
                Литву, и пассажиры перешли на польское направление.

                Некоторые перевозчики возвращают деньги за билеты, если очередь превышает сутки, но
                большинство просто переносит рейсы. Билеты на ближайшие дни в основном раскуплены.
            """,
            "subheading": "Проверки и новые маршруты",
            "quote": (
                (
                    "Люди едут не в отпуск. Кто-то на работу, кто-то к маме в больницу. И все "
                    "знают, что могут не успеть."
                ),
                "Андрей, водитель международного рейса",
            ),
            "tags": ("Брест", "граница", "Польша"),
            "gallery_captions": (
                "Очередь начинается ещё в городе",
                "Пассажиры ждут на остановке у заправки",
                "Ночью движение почти останавливается",
            ),
            "gallery_caption": (
                "Очередь на выезд из Бреста. Фото читателей, которые просили не называть их имён"
            ),
        },
        "en": {
            "title": "Queue at the Polish border: buses wait up to three days to leave Brest",
            "lede": """
                Since Poland left a single crossing open to passenger traffic, the queue out of
                Brest has stretched for several kilometres. Bus companies now warn passengers that
                the trip to Warsaw may take more than two days.

                Our readers sent us photos from the queue.
            """,
            "caption": "Buses queuing to leave Brest. The picture was taken at night",
            "text": """
                A driver on one international route told us his bus had spent 58 hours in the
                queue. Passengers took turns walking to the shop at the nearest petrol station and
                slept hunched in their seats; an ambulance had to be called for a pensioner with
                high blood pressure.

                There are several reasons. Belarusian border guards check phones selectively but
                slowly, and the number of buses is not falling: many people travel to see
                relatives, to work or to doctors. On top of that, some companies have dropped
                routes through Lithuania, and their passengers have switched to the Polish
                crossing.

                A few companies refund tickets when the wait exceeds a day, but most simply
                reschedule. Tickets for the coming days are largely sold out.
            """,
            "subheading": "Checks and new routes",
            "quote": (
                (
                    "People are not going on holiday. Some are going to work, some to see their "
                    "mother in hospital. And everyone knows they might not make it in time."
                ),
                "Andrei, an international bus driver",
            ),
            "tags": ("Brest", "border", "Poland"),
            "gallery_captions": (
                "The queue starts inside the city",
                "Passengers wait at a stop by a petrol station",
                "At night the queue barely moves",
            ),
            "gallery_caption": (
                "The queue out of Brest. Photos by readers who asked not to be named"
            ),
        },
    },
    {
        "section": "culture",
        "hours_ago": 6,
        "authors": ("burak",),
        "lead": ("stage", "photo"),
        "photo": ("stage", "photo"),
        "note": 3,
        "be": {
            "title": (
                "Тэатр у выгнанні: варшаўская трупа «Кола» рыхтуе прэм’еру пра дом, у які нельга "
                "вярнуцца"
            ),
            "lede": """
                Спектакль «Ключы» пабудаваны на запісаных размовах з беларусамі, якія з’ехалі пасля
                2020 года. Прэм’ера пройдзе на малой сцэне аднаго з варшаўскіх культурных цэнтраў.

                Усе акцёры трупы — аматары, якія ўдзень працуюць у офісах, кавярнях і на будоўлях.
            """,
            "caption": "Рэпетыцыя спектакля «Ключы» ў Варшаве",
            "text": """
                Рэжысёрка Зоя Малінская паўтара года збірала гісторыі: людзі расказвалі, што ўзялі
                з сабой, калі з’язджалі, і што засталося ў кватэрах. Амаль у кожнай размове гучала
                адно і тое ж — ключы ад дома, якія дагэтуль ляжаць у кішэні.

                Трупа «Кола» існуе з 2022 года. Яна рэпеціруе вечарамі ў арандаванай зале, а
                дэкарацыі робіць з таго, што аддаюць сябры: старых чамаданаў, крэслаў, настольных
                лямпаў. На «Ключы» ўпершыню атрымалася сабраць грант на святло і гук.

                Спектакль ідзе па-беларуску, з польскімі і англійскімі субтытрамі. Пасля Варшавы
                трупа плануе паказаць яго ў Вільні і Беластоку.
            """,
            "subheading": "Дэкарацыі з чамаданаў",
            "quote": (
                (
                    "Мы не хацелі рабіць спектакль пра боль. Мы хацелі зрабіць спектакль пра тое, "
                    "як жыць далей, калі дом застаўся толькі ў кішэні."
                ),
                "Зоя Малінская, рэжысёрка",
            ),
            "tags": ("тэатр", "Варшава", "эміграцыя"),
            "photo_caption": "Акцёры трупы «Кола» падчас прагону",
        },
        "ru": {
            "title": (
                "Театр в изгнании: варшавская труппа «Кола» готовит премьеру о доме, в который "
                "нельзя вернуться"
            ),
            "lede": """
                Спектакль «Ключи» построен на записанных разговорах с белорусами, уехавшими после
                2020 года. Премьера пройдёт на малой сцене одного из варшавских культурных центров.

                Все актёры труппы — любители, которые днём работают в офисах, кафе и на стройках.
            """,
            "caption": "Репетиция спектакля «Ключи» в Варшаве",
            "text": """
                Режиссёр Зоя Малинская полтора года собирала истории: люди рассказывали, что взяли
                с собой, когда уезжали, и что осталось в квартирах. Почти в каждом разговоре
                звучало одно и то же — ключи от дома, которые до сих пор лежат в кармане.

                Труппа «Кола» существует с 2022 года. Она репетирует по вечерам в арендованном
                зале, а декорации делает из того, что отдают друзья: старых чемоданов, стульев,
                настольных ламп. На «Ключи» впервые удалось получить грант на свет и звук.

                Спектакль идёт на белорусском языке, с польскими и английскими субтитрами. После
                Варшавы труппа планирует показать его в Вильнюсе и Белостоке.
            """,
            "subheading": "Декорации из чемоданов",
            "quote": (
                (
                    "Мы не хотели делать спектакль о боли. Мы хотели сделать спектакль о том, как "
                    "жить дальше, когда дом остался только в кармане."
                ),
                "Зоя Малинская, режиссёр",
            ),
            "tags": ("театр", "Варшава", "эмиграция"),
            "photo_caption": "Актёры труппы «Кола» во время прогона",
        },
        "en": {
            "title": (
                "Theatre in exile: Warsaw troupe Kola prepares a premiere about a home there is "
                "no going back to"
            ),
            "lede": """
                The play Keys is built from recorded conversations with Belarusians who left after
                2020. It premieres on the small stage of a Warsaw cultural centre.

                Every actor in the troupe is an amateur who spends the day working in an office, a
                café or on a building site.
            """,
            "caption": "A rehearsal of Keys in Warsaw",
            "text": """
                Director Zoja Malinskaja spent a year and a half collecting stories: people told
                her what they took with them when they left and what stayed behind in their flats.
                Almost every conversation came back to the same thing: the house keys still sitting
                in a pocket.

                Kola has existed since 2022. It rehearses in the evenings in a rented hall and
                builds its sets from whatever friends give away: old suitcases, chairs, desk lamps.
                Keys is the first production for which the troupe has won a grant to pay for
                lighting and sound.

                The play is performed in Belarusian with Polish and English subtitles. After Warsaw
                the troupe plans to take it to Vilnius and Białystok.
            """,
            "subheading": "Sets made of suitcases",
            "quote": (
                (
                    "We did not want to make a play about pain. We wanted to make one about how "
                    "to go on living when home is only something in your pocket."
                ),
                "Zoja Malinskaja, director",
            ),
            "tags": ("theatre", "Warsaw", "exile"),
            "photo_caption": "Kola actors during a run-through",
        },
    },
    {
        "section": "climate",
        "hours_ago": 8,
        "authors": ("trusava",),
        "lead": ("river", "photo"),
        "photo": ("river", "reader"),
        "note": 1,
        "be": {
            "title": "Нёман у Гродне апусціўся амаль на метр ніжэй за норму",
            "lede": """
                Гідролагі фіксуюць адзін з самых нізкіх узроўняў вады ў Нёмане за апошнія
                дзесяцігоддзі. На водмелях каля Каложы з вады выйшлі камяні, якіх не памятаюць
                нават старажылы.

                Прычына — некалькі месяцаў амаль без дажджоў і маласнежныя зімы.
            """,
            "caption": "Абмялелы бераг Нёмана ў Гродне",
            "text": """
                Паводле адкрытых даных гідраметэаралагічнай службы, узровень ракі ў Гродне на 86
                сантыметраў ніжэйшы за шматгадовую норму для гэтага часу. На прытоках сітуацыя
                падобная: некаторыя малыя рэчкі Гродзеншчыны ў верхнім цячэнні перасохлі зусім.

                Нізкая вада — гэта не толькі прыгожыя фота з водмеляў. Цёплая і неглыбокая рака
                горш насычаецца кіслародам, і рыба гіне ў затоках, адрэзаных ад асноўнага рэчышча.
                Рыбакі ўжо знаходзілі такія затокі з сотнямі мёртвых плотак.

                Гідролаг, які доўга працаваў на станцыі назіранняў і прасіў не называць яго імя,
                кажа, што адзін сухі год яшчэ нічога не даказвае. Але, па яго словах, за апошнія
                пятнаццаць гадоў такое маловоддзе здараецца ўсё часцей.
            """,
            "subheading": "Што адбываецца з рыбай",
            "quote": (
                (
                    "Рака жыве снегам. Калі зімой снегу няма, вясной няма чым напоўніць рэчышча, "
                    "і летам мы бачым тое, што бачым."
                ),
                "гідролаг, былы супрацоўнік станцыі назіранняў",
            ),
            "tags": ("Нёман", "Гродна", "засуха"),
            "photo_caption": "Камяні на дне Нёмана, якія звычайна схаваныя пад вадой",
        },
        "ru": {
            "title": "Неман в Гродно опустился почти на метр ниже нормы",
            "lede": """
                Гидрологи фиксируют один из самых низких уровней воды в Немане за последние
                десятилетия. На отмелях у Коложи из воды вышли камни, которых не помнят даже
                старожилы.

                Причина — несколько месяцев почти без дождей и малоснежные зимы.
            """,
            "caption": "Обмелевший берег Немана в Гродно",
            "text": """
                По открытым данным гидрометеорологической службы, уровень реки в Гродно на 86
                сантиметров ниже многолетней нормы для этого времени. На притоках ситуация похожая:
                некоторые малые речки Гродненщины в верхнем течении пересохли совсем.

                Низкая вода — это не только красивые фото с отмелей. Тёплая и неглубокая река хуже
                насыщается кислородом, и рыба гибнет в заводях, отрезанных от основного русла.
                Рыбаки уже находили такие заводи с сотнями мёртвых плотвичек.

                Гидролог, который долго работал на станции наблюдений и просил не называть его
                имени, говорит, что один сухой год ещё ничего не доказывает. Но, по его словам, за
                последние пятнадцать лет такое маловодье случается всё чаще.
            """,
            "subheading": "Что происходит с рыбой",
            "quote": (
                (
                    "Река живёт снегом. Если зимой снега нет, весной нечем наполнить русло, и "
                    "летом мы видим то, что видим."
                ),
                "гидролог, бывший сотрудник станции наблюдений",
            ),
            "tags": ("Неман", "Гродно", "засуха"),
            "photo_caption": "Камни на дне Немана, которые обычно скрыты под водой",
        },
        "en": {
            "title": "The Nioman in Hrodna has dropped almost a metre below normal",
            "lede": """
                Hydrologists are recording one of the lowest water levels on the Nioman in decades.
                On the shallows near the Kalozha church, stones have surfaced that even the oldest
                residents do not remember seeing.

                The cause is several months with almost no rain and winters with little snow.
            """,
            "caption": "The exposed bank of the Nioman in Hrodna",
            "text": """
                According to open data from the hydrometeorological service, the river in Hrodna is
                86 centimetres below its long-term average for the time of year. Its tributaries
                look similar: some small rivers in the Hrodna region have dried up completely in
                their upper reaches.

                Low water means more than striking photos of sandbanks. A warm, shallow river holds
                less oxygen, and fish die in backwaters cut off from the main channel. Anglers have
                already found such pools with hundreds of dead roach.

                A hydrologist who worked for many years at a monitoring station, and who asked not
                to be named, says one dry year proves nothing on its own. But over the last fifteen
                years, he says, such low water has come more and more often.
            """,
            "subheading": "What happens to the fish",
            "quote": (
                (
                    "A river lives on snow. If there is no snow in winter, there is nothing to "
                    "fill the channel in spring, and in summer we see what we are seeing now."
                ),
                "a hydrologist and former monitoring station employee",
            ),
            "tags": ("Nioman", "Hrodna", "drought"),
            "photo_caption": "Stones on the riverbed that are usually hidden under water",
        },
    },
    {
        "section": "politics",
        "hours_ago": 11,
        "authors": ("dziamidava",),
        "lead": ("collage", "collage"),
        "be": {
            "title": (
                "Кулінарная кніга пра беларускую кухню трапіла ў спіс «экстрэмісцкіх матэрыялаў»"
            ),
            "lede": """
                Суд Цэнтральнага раёна Мінска прызнаў «экстрэмісцкай» кнігу рэцэптаў «Бабуліны
                стол», выдадзеную ў Вільні. Падставай стала прадмова аўтаркі, у якой яна згадвае
                падзеі 2020 года.

                За распаўсюд кнігі ў Беларусі цяпер можна атрымаць штраф або арышт.
            """,
            "caption": "«Бабуліны стол» выйшаў накладам тры тысячы асобнікаў",
            "text": """
                У кнізе сто дваццаць рэцэптаў — ад дранікаў і верашчакі да забытых велікодных
                страў, якія аўтарка, Ірына Садоўская, запісвала ў вёсках Віцебшчыны. Кніга
                прадавалася ў беларускіх кнігарнях у Вільні і Варшаве, а таксама праз інтэрнэт.

                Экспертыза, на якую спасылаецца суд, займае дзве старонкі. Рэцэпты ў ёй не
                згадваюцца: экспертаў зацікавіў толькі адзін абзац прадмовы, дзе аўтарка піша, што
                пачала збіраць рэцэпты «ў год, калі ўся краіна выйшла на вуліцы».

                Выдавецтва кажа, што за суткі пасля рашэння суда атрымала больш заказаў, чым за
                папярэдні месяц.
            """,
            "subheading": "Дзве старонкі экспертызы",
            "quote": (
                (
                    "Я чакала чаго заўгодна, але не таго, што верашчака стане пагрозай "
                    "нацыянальнай бяспецы."
                ),
                "Ірына Садоўская, аўтарка кнігі",
            ),
            "tags": ("экстрэмісцкія матэрыялы", "кнігі", "цэнзура"),
        },
    },
    {
        "section": "society",
        "hours_ago": 13,
        "authors": ("kaval",),
        "lead": ("city", "photo"),
        "note": 0,
        "be": {
            "title": (
                "У раённых бальніцах Віцебшчыны не хапае педыятраў: на прыём ездзяць у суседні раён"
            ),
            "lede": """
                У трох раённых бальніцах Віцебскай вобласці засталося па адным педыятры, а ў адной
                іх няма зусім. Бацькі з дзецьмі ездзяць на прыём за 60–80 кіламетраў.

                Урачы з’язджаюць у Мінск, у Расію і за мяжу — туды, дзе больш плацяць і менш
                правяраюць.
            """,
            "caption": "Раённая бальніца на Віцебшчыне",
            "text": """
                Мама двухгадовага хлопчыка з Расонскага раёна расказала, што ўжо месяц не можа
                запісацца да педыятра ў сваёй паліклініцы: урач пайшла на пенсію, а новага не
                прыслалі. Цяпер яна возіць сына ў Полацк рэйсавым аўтобусам з перасадкай.

                Размеркаванне выпускнікоў медыцынскіх ВНУ ў раёны праблему не вырашае: маладыя
                ўрачы адпрацоўваюць абавязковыя два гады і з’язджаюць. Медсястра адной з бальніц
                кажа, што за апошні год з іх аддзялення звольніліся чатыры ўрачы, а прыйшоў адзін.

                Міністэрства аховы здароўя прызнае «кадравыя праблемы» ў рэгіёнах і абяцае
                службовае жыллё і надбаўкі. Медыкі, з якімі мы размаўлялі, адказваюць, што жыллё —
                гэта пакой у інтэрнаце, а надбаўкі не хапае нават на дарогу дадому на выхадныя.
            """,
            "subheading": "Адпрацаваў — і паехаў",
            "quote": (
                (
                    "Людзі ідуць не толькі за грашыма. Яны стамляюцца ад таго, што за кожнае "
                    "слова могуць выклікаць на размову да галоўнага ўрача."
                ),
                "медсястра раённай бальніцы",
            ),
            "tags": ("медыцына", "Віцебская вобласць", "урачы"),
        },
        "ru": {
            "title": (
                "В районных больницах Витебщины не хватает педиатров: на приём ездят в соседний "
                "район"
            ),
            "lede": """
                В трёх районных больницах Витебской области осталось по одному педиатру, а в одной
                их нет совсем. Родители с детьми ездят на приём за 60–80 километров.

                Врачи уезжают в Минск, в Россию и за границу — туда, где больше платят и меньше
                проверяют.
            """,
            "caption": "Районная больница на Витебщине",
            "text": """
                Мама двухлетнего мальчика из Россонского района рассказала, что уже месяц не может
                записаться к педиатру в своей поликлинике: врач ушла на пенсию, а нового не
                прислали. Теперь она возит сына в Полоцк рейсовым автобусом с пересадкой.

                Распределение выпускников медицинских вузов в районы проблему не решает: молодые
                врачи отрабатывают обязательные два года и уезжают. Медсестра одной из больниц
                говорит, что за последний год из их отделения уволились четыре врача, а пришёл
                один.

                Министерство здравоохранения признаёт «кадровые проблемы» в регионах и обещает
                служебное жильё и надбавки. Медики, с которыми мы говорили, отвечают, что жильё —
                это комната в общежитии, а надбавки не хватает даже на дорогу домой на выходные.
            """,
            "subheading": "Отработал — и уехал",
            "quote": (
                (
                    "Люди уходят не только за деньгами. Они устают от того, что за каждое слово "
                    "могут вызвать на разговор к главврачу."
                ),
                "медсестра районной больницы",
            ),
            "tags": ("медицина", "Витебская область", "врачи"),
        },
        "en": {
            "title": "District hospitals in the Viciebsk region run short of paediatricians",
            "lede": """
                Three district hospitals in the Viciebsk region are down to a single paediatrician
                each, and one has none at all. Parents travel 60 to 80 kilometres to get their
                children seen.

                Doctors are leaving for Minsk, for Russia and for abroad, wherever the pay is
                better and the scrutiny lighter.
            """,
            "caption": "A district hospital in the Viciebsk region",
            "text": """
                The mother of a two-year-old boy in the Rasony district told us she has been unable
                to get an appointment with a paediatrician at her local clinic for a month: the
                doctor retired and no replacement was sent. She now takes her son to Polatsk by
                bus, with a change on the way.

                Assigning medical graduates to rural posts does not solve the problem: young
                doctors serve the mandatory two years and leave. A nurse at one hospital says four
                doctors quit her department in the past year and only one arrived.

                The health ministry acknowledges “staffing problems” in the regions and promises
                housing and salary bonuses. Medics we spoke to say the housing is a dormitory room
                and the bonus does not even cover the trip home at weekends.
            """,
            "subheading": "Serve your time, then leave",
            "quote": (
                (
                    "People do not leave only for the money. They get tired of being called in to "
                    "see the chief doctor over every word they say."
                ),
                "a nurse at a district hospital",
            ),
            "tags": ("healthcare", "Viciebsk region", "doctors"),
        },
    },
    {
        "section": "war",
        "hours_ago": 16,
        "authors": ("shyla",),
        "lead": ("city", "pool"),
        "note": 2,
        "be": {
            "title": "У Магілёве мужчынам рассылаюць позвы ў ваенкамат на «ўдакладненне даных»",
            "lede": """
                Паводле нашых падлікаў, за апошні тыдзень позвы атрымалі некалькі сотняў мужчын ад
                25 да 50 гадоў з Магілёва і раёна. У ваенкаматах кажуць, што гаворка ідзе толькі
                пра праверку адрасоў і спецыяльнасцей.

                Юрысты раяць не ігнараваць позвы, але і не падпісваць паперы, не прачытаўшы іх.
            """,
            "caption": "Спальны раён Магілёва",
            "text": """
                Чытачы дасылаюць нам фота позваў з пазнакай «для ўдакладнення даных воінскага
                ўліку». Адзін з мужчын, які ўжо схадзіў у ваенкамат, расказаў, што ў яго спыталі
                пра адрас, месца працы і катэгорыю вадзіцельскага пасведчання, а потым папрасілі
                пакінуць нумары тэлефонаў сваякоў.

                Праверкі ваеннаабавязаных праходзяць у Беларусі рэгулярна, і самі па сабе яны не
                азначаюць мабілізацыі. Але, як кажуць юрысты, такія кампаніі дазваляюць уладам
                хутка абнавіць базы і зразумець, каго можна выклікаць у выпадку патрэбы.

                За няяўку па позве пагражае адміністрацыйны штраф. Крымінальная адказнасць, паводле
                закона, магчымая толькі за ўхіленне ад прызыву або мабілізацыі.
            """,
            "subheading": "Што пытаюцца ў ваенкамаце",
            "quote": (
                (
                    "Самае непрыемнае было не ў пытаннях. Самае непрыемнае — калі ў цябе просяць "
                    "тэлефон жонкі."
                ),
                "мужчына, які атрымаў позву",
            ),
            "tags": ("Магілёў", "ваенкаматы", "войска"),
        },
    },
    {
        "section": "culture",
        "hours_ago": 19,
        "authors": ("burak",),
        "lead": ("collage", "pool"),
        "gallery": (("collage", "collage", "collage"), "photo"),
        "be": {
            "title": "У Вільні паказваюць слуцкія паясы з прыватных калекцый",
            "lede": """
                Выстава ў адным з віленскіх музеяў аб’яднала сем паясоў і больш за дваццаць
                фрагментаў, якія захоўваліся ў прыватных зборах у Літве, Польшчы і Швецыі.
                Некаторыя з іх паказваюць публіцы ўпершыню.

                Адзін пояс трапіў на выставу з бляшанага куфра, знойдзенага на гарышчы.
            """,
            "caption": "Узор слуцкага пояса ў экспазіцыі",
            "text": """
                Слуцкія паясы ткалі ў XVIII стагоддзі на мануфактуры ў Слуцку з шоўку, залатой і
                сярэбранай ніткі. Яны былі часткай мужчынскага строю шляхты, а пазней сталі адным з
                сімвалаў беларускай культуры.

                Куратарка выставы Марта Гайдук расказвае, што некаторыя ўладальнікі не ведалі, што
                ў іх захоўваецца. Адна сям’я з-пад Каўнаса знайшла пояс у бляшаным куфры разам з
                лістамі прадзеда і доўга лічыла яго «проста старой тканінай».

                Выстава працуе да канца наступнага месяца. Уваход платны, для студэнтаў і
                пенсіянераў — бясплатны.
            """,
            "subheading": "Знаходка на гарышчы",
            "quote": (
                (
                    "Кожны пояс — гэта дакумент. Па ім можна прачытаць, дзе ён зроблены, каму "
                    "належаў і як пражыў два стагоддзі."
                ),
                "Марта Гайдук, куратарка",
            ),
            "tags": ("Вільня", "выставы", "слуцкія паясы"),
            "gallery_captions": (
                "Фрагмент пояса з залатой ніткай",
                "Канцы пояса з кветкавым арнаментам",
                "Кляймо мануфактуры",
            ),
            "gallery_caption": "Экспанаты выставы",
        },
    },
    {
        "section": "climate",
        "hours_ago": 22,
        "authors": ("trusava",),
        "lead": ("forest", "photo"),
        "note": 2,
        "be": {
            "title": "Караед у сасновых лясах: лясгасы Брэстчыны павялічваюць санітарныя высечкі",
            "lede": """
                На поўдні Брэсцкай вобласці пашкоджаныя караедам сосны ўжо відаць на
                спадарожнікавых здымках як рудыя плямы. Лясгасы павялічылі санітарныя высечкі амаль
                у паўтара раза.

                Эколагі папярэджваюць: суцэльныя высечкі могуць нашкодзіць лесу больш, чым сам жук.
            """,
            "caption": "Сасновы лес на Брэстчыне",
            "text": """
                Вяршынны караед нападае на аслабленыя дрэвы. Пасля некалькіх сухіх і гарачых гадоў
                такіх дрэў на Палессі стала шмат: сосны на пясчаных глебах першымі пакутуюць ад
                недахопу вады. Там, дзе жук пасяліўся, лес за адзін сезон рудзее.

                Лясгасы адказваюць на гэта санітарнымі высечкамі: высякаюць заражаныя ўчасткі разам
                з суседнімі дрэвамі. Прадстаўнік лясной галіны, які пагадзіўся пагаварыць ананімна,
                кажа, што план па нарыхтоўцы драўніны таксама трэба выконваць, і санітарныя высечкі
                часта дапамагаюць яго закрыць.

                Эколагі раяць пакідаць частку мёртвых дрэў у лесе і саджаць на месцы высечак не
                толькі сасну, але і бярозу, дуб, клён. Змешаны лес, кажуць яны, лепш трымае ваду і
                менш паддаецца шкоднікам.
            """,
            "subheading": "Высечка як план",
            "quote": (
                (
                    "Мы змагаемся з жуком, але сапраўдная праблема ў тым, што лес сохне. Жук "
                    "толькі прыходзіць туды, дзе яму ўжо накрылі стол."
                ),
                "эколаг з Брэста",
            ),
            "tags": ("лясы", "Брэсцкая вобласць", "караед"),
        },
        "ru": {
            "title": "Короед в сосновых лесах: лесхозы Брестчины увеличивают санитарные рубки",
            "lede": """
                На юге Брестской области повреждённые короедом сосны уже видны на спутниковых
                снимках как рыжие пятна. Лесхозы увеличили санитарные рубки почти в полтора раза.

                Экологи предупреждают: сплошные рубки могут навредить лесу больше, чем сам жук.
            """,
            "caption": "Сосновый лес на Брестчине",
            "text": """
                Вершинный короед нападает на ослабленные деревья. После нескольких сухих и жарких
                лет таких деревьев на Полесье стало много: сосны на песчаных почвах первыми
                страдают от нехватки воды. Там, где жук поселился, лес за один сезон рыжеет.

                Лесхозы отвечают на это санитарными рубками: вырубают заражённые участки вместе с
                соседними деревьями. Представитель лесной отрасли, согласившийся поговорить
                анонимно, говорит, что план по заготовке древесины тоже нужно выполнять, и
                санитарные рубки часто помогают его закрыть.

                Экологи советуют оставлять часть мёртвых деревьев в лесу и сажать на месте рубок не
                только сосну, но и берёзу, дуб, клён. Смешанный лес, говорят они, лучше держит воду
                и меньше поддаётся вредителям.
            """,
            "subheading": "Рубка как план",
            "quote": (
                (
                    "Мы боремся с жуком, но настоящая проблема в том, что лес сохнет. Жук только "
                    "приходит туда, где ему уже накрыли стол."
                ),
                "эколог из Бреста",
            ),
            "tags": ("леса", "Брестская область", "короед"),
        },
        "en": {
            "title": (
                "Bark beetles in the pine forests: Brest region foresters step up sanitary felling"
            ),
            "lede": """
                In the south of the Brest region, pines damaged by bark beetles now show up on
                satellite images as rust-coloured patches. State forestry enterprises have
                increased sanitary felling by almost half.

                Ecologists warn that clear-cutting may harm the forest more than the beetle itself.
            """,
            "caption": "Pine forest in the Brest region",
            "text": """
                The pine bark beetle attacks weakened trees. After several dry, hot years there are
                plenty of those in Palesse: pines on sandy soils are the first to suffer when water
                runs short. Where the beetle settles, a forest can turn brown in a single season.

                Forestry enterprises respond with sanitary felling, cutting down infested stands
                together with the trees around them. A forestry official who agreed to speak
                anonymously says timber harvest targets must be met too, and sanitary felling often
                helps meet them.

                Ecologists advise leaving some dead trees in the forest and replanting cleared
                areas not only with pine but also with birch, oak and maple. A mixed forest, they
                say, holds water better and resists pests more easily.
            """,
            "subheading": "Felling to plan",
            "quote": (
                (
                    "We are fighting the beetle, but the real problem is that the forest is "
                    "drying out. The beetle only comes where the table has already been laid for "
                    "it."
                ),
                "an ecologist from Brest",
            ),
            "tags": ("forests", "Brest region", "bark beetle"),
        },
    },
    {
        "section": "politics",
        "hours_ago": 26,
        "updated_after": 3,
        "authors": ("dziamidava", "zhuk"),
        "lead": ("road", "pool"),
        "note": 1,
        "be": {
            "title": "Яшчэ шасцёра палітвязняў выйшлі на волю па памілаванні",
            "lede": """
                Сярод вызваленых — 67-гадовая настаўніца гісторыі з Баранавічаў і студэнт, якога
                затрымалі на апошнім курсе. Усе шасцёра падпісалі прашэнні аб памілаванні.

                Праваабаронцы кажуць, што за той жа час затрымалі больш людзей, чым вызвалілі.
            """,
            "caption": "Дарога да калоніі. Архіўнае фота",
            "text": """
                Пра вызваленне паведамілі сваякі. Настаўніца, якая адбыла больш за тры гады з пяці,
                вярнулася дадому ў Баранавічы; па словах дачкі, найперш яна папрасіла адвезці яе на
                могілкі да мужа, які памёр, пакуль яна была ў калоніі.

                Памілаванні ідуць хвалямі з 2024 года. Кожны раз улады падаюць іх як жэст
                гуманізму, але ўмова застаецца той самай: чалавек павінен прызнаць віну і напісаць
                прашэнне. Тыя, хто адмаўляецца, застаюцца за кратамі.

                Праваабаронцы звяртаюць увагу, што за апошні месяц у спіс палітвязняў дадалі больш
                імёнаў, чым з яго выкрэслілі. Затрыманні за каментары, данаты і падпіскі
                працягваюцца.
            """,
            "subheading": "Умова — прашэнне",
            "quote": (
                "Мама выйшла і спытала, ці жывы яшчэ наш кот. Пра турму яна пакуль не расказвае.",
                "дачка вызваленай настаўніцы",
            ),
            "tags": ("палітвязні", "памілаванне", "Баранавічы"),
        },
        "ru": {
            "title": "Ещё шестеро политзаключённых вышли на свободу по помилованию",
            "lede": """
                Среди освобождённых — 67-летняя учительница истории из Барановичей и студент,
                которого задержали на последнем курсе. Все шестеро подписали прошения о
                помиловании.

                Правозащитники говорят, что за то же время задержали больше людей, чем освободили.
            """,
            "caption": "Дорога к колонии. Архивное фото",
            "text": """
                Об освобождении сообщили родственники. Учительница, отбывшая больше трёх лет из
                пяти, вернулась домой в Барановичи; по словам дочери, первым делом она попросила
                отвезти её на кладбище к мужу, который умер, пока она была в колонии.

                Помилования идут волнами с 2024 года. Каждый раз власти подают их как жест
                гуманизма, но условие остаётся прежним: человек должен признать вину и написать
                прошение. Те, кто отказывается, остаются за решёткой.

                Правозащитники обращают внимание, что за последний месяц в список политзаключённых
                добавили больше имён, чем из него вычеркнули. Задержания за комментарии, донаты и
                подписки продолжаются.
            """,
            "subheading": "Условие — прошение",
            "quote": (
                "Мама вышла и спросила, жив ли ещё наш кот. О тюрьме она пока не рассказывает.",
                "дочь освобождённой учительницы",
            ),
            "tags": ("политзаключённые", "помилование", "Барановичи"),
        },
        "en": {
            "title": "Six more political prisoners freed under pardons",
            "lede": """
                Those released include a 67-year-old history teacher from Baranavichy and a student
                who was detained in his final year at university. All six had signed petitions for
                clemency.

                Human rights groups say more people were detained over the same period than were
                released.
            """,
            "caption": "The road to a penal colony. Archive photo",
            "text": """
                Relatives announced the releases. The teacher, who had served more than three years
                of a five-year sentence, has returned home to Baranavichy; her daughter says the
                first thing she asked was to be driven to the cemetery to visit her husband, who
                died while she was in the colony.

                Pardons have come in waves since 2024. Each time the authorities present them as a
                humanitarian gesture, but the condition stays the same: the prisoner must admit
                guilt and write a petition. Those who refuse remain behind bars.

                Rights advocates point out that over the past month more names were added to the
                list of political prisoners than were removed from it. Arrests over comments,
                donations and channel subscriptions continue.
            """,
            "subheading": "The condition is a petition",
            "quote": (
                (
                    "Mum came out and asked whether our cat was still alive. She does not talk "
                    "about prison yet."
                ),
                "the daughter of the released teacher",
            ),
            "tags": ("political prisoners", "pardons", "Baranavichy"),
        },
    },
    {
        "section": "society",
        "hours_ago": 30,
        "authors": ("kaval",),
        "lead": ("field", "photo"),
        "note": 3,
        "be": {
            "title": (
                "Капуста за тыдзень падаражэла на чвэрць: што адбываецца з цэнамі на агародніну ў "
                "Мінску"
            ),
            "lede": """
                На Камароўскім рынку і ў сеткавых крамах Мінска за тыдзень выраслі цэны на капусту,
                буракі і цыбулю. Прадаўцы тлумачаць гэта слабым ураджаем і дарагім транспартам.

                Афіцыйная інфляцыя пры гэтым застаецца ў межах прагнозу.
            """,
            "caption": "Капусныя палі пад Мінскам. Ураджай тут быў ніжэйшы за звычайны",
            "text": """
                Мы параўналі цэны ў дзесяці крамах і на двух рынках. Кілаграм белакачаннай капусты
                за тыдзень падаражэў у сярэднім на 24 працэнты, бурак — на 18, цыбуля — на 15.
                Бульба пакуль трымаецца, але прадаўцы на рынку кажуць, што «гэта ненадоўга».

                Ураджай агародніны ў гаспадарках быў ніжэйшы за сярэдні праз засуху, а частку
                прадукцыі вывозяць у Расію, дзе за яе плацяць больш. Улады пры гэтым рэгулююць цэны
                на частку тавараў, і крамы адказваюць на гэта па-свойму: танныя пазіцыі знікаюць, а
                на паліцах з’яўляюцца «новыя» з іншай цаной.
            """,
            "subheading": "Рэгуляванне па-свойму",
            "quote": (
                (
                    "Я пенсіянерка, у мяне ўсё па спісе. Цяпер спіс той самы, а чэк — на дзесяць "
                    "рублёў большы."
                ),
                "пакупніца на Камароўскім рынку",
            ),
            "tags": ("цэны", "Мінск", "эканоміка"),
        },
    },
    {
        "section": "war",
        "hours_ago": 34,
        "authors": ("shyla",),
        "lead": ("city", "photo"),
        "photo": ("collage", "reader"),
        "note": 3,
        "be": {
            "title": "Беларусы ў Варшаве за тыдзень сабралі 300 аптэчак для шпіталяў Харкаўшчыны",
            "lede": """
                Валанцёры з беларускай дыяспары ў Варшаве ўкамплектавалі тры сотні аптэчак і
                адправілі іх ва ўкраінскія прыфрантавыя шпіталі. Грошы на медыкаменты сабралі за
                пяць дзён.

                Гэта ўжо дзявятая такая адпраўка ініцыятывы.
            """,
            "caption": (
                "Вечаровая Варшава. Склад, дзе валанцёры збіраюць аптэчкі, працуе да поўначы"
            ),
            "text": """
                Збор пачаўся з аднаго паведамлення ў чаце: знаёмы хірург з Харкава напісаў, чаго не
                хапае ў шпіталі. За некалькі гадзін набралася больш за сто ахвотных дапамагчы — ад
                студэнтаў да пенсіянераў, якія прыйшлі на склад са сваімі нажніцамі і скотчам.

                У кожнай аптэчцы — турнікет, гемастатычныя бінты, аклюзійныя наклейкі і
                тэрмакоўдра. Валанцёры кажуць, што купляюць толькі сертыфікаваныя рэчы: танныя
                падробкі турнікетаў на фронце могуць каштаваць жыцця.

                Адпраўку суправаджае ўкраінскі фонд, з якім беларуская ініцыятыва працуе з 2022
                года. Ён жа дасылае фотасправаздачы са шпіталяў, каб ахвярадаўцы бачылі, куды
                пайшлі грошы.
            """,
            "subheading": "Што ўваходзіць у аптэчку",
            "quote": (
                (
                    "Мы не можам змяніць тое, што з нашай зямлі ляцелі ракеты. Але можам зрабіць "
                    "так, каб з нашых рук ехалі бінты."
                ),
                "Кацярына, каардынатарка збору",
            ),
            "tags": ("Украіна", "валанцёры", "Варшава"),
            "photo_caption": "Гатовыя аптэчкі перад адпраўкай",
        },
        "ru": {
            "title": "Белорусы в Варшаве за неделю собрали 300 аптечек для госпиталей Харьковщины",
            "lede": """
                Волонтёры из белорусской диаспоры в Варшаве укомплектовали три сотни аптечек и
                отправили их в украинские прифронтовые госпитали. Деньги на медикаменты собрали за
                пять дней.

                Это уже девятая такая отправка инициативы.
            """,
            "caption": (
                "Вечерняя Варшава. Склад, где волонтёры собирают аптечки, работает до полуночи"
            ),
            "text": """
                Сбор начался с одного сообщения в чате: знакомый хирург из Харькова написал, чего
                не хватает в госпитале. За несколько часов набралось больше ста желающих помочь —
                от студентов до пенсионеров, которые пришли на склад со своими ножницами и скотчем.

                В каждой аптечке — турникет, гемостатические бинты, окклюзионные наклейки и
                термоодеяло. Волонтёры говорят, что покупают только сертифицированные вещи: дешёвые
                подделки турникетов на фронте могут стоить жизни.

                Отправку сопровождает украинский фонд, с которым белорусская инициатива работает с
                2022 года. Он же присылает фотоотчёты из госпиталей, чтобы жертвователи видели,
                куда ушли деньги.
            """,
            "subheading": "Что входит в аптечку",
            "quote": (
                (
                    "Мы не можем изменить то, что с нашей земли летели ракеты. Но можем сделать "
                    "так, чтобы из наших рук ехали бинты."
                ),
                "Катерина, координатор сбора",
            ),
            "tags": ("Украина", "волонтёры", "Варшава"),
            "photo_caption": "Готовые аптечки перед отправкой",
        },
        "en": {
            "title": (
                "Belarusians in Warsaw assemble 300 first-aid kits for hospitals in the Kharkiv "
                "region"
            ),
            "lede": """
                Volunteers from the Belarusian diaspora in Warsaw have put together three hundred
                first-aid kits and sent them to Ukrainian hospitals near the front line. The money
                for the supplies was raised in five days.

                It is the group’s ninth such shipment.
            """,
            "caption": (
                "Warsaw in the evening. The warehouse where volunteers pack the kits stays open "
                "until midnight"
            ),
            "text": """
                It began with a single message in a group chat: a surgeon the organisers know in
                Kharkiv listed what his hospital was short of. Within hours more than a hundred
                people had offered to help, from students to pensioners who turned up at the
                warehouse with their own scissors and tape.

                Each kit contains a tourniquet, haemostatic bandages, chest seals and a thermal
                blanket. The volunteers say they buy only certified products: cheap counterfeit
                tourniquets can cost lives at the front.

                The shipment is handled by a Ukrainian foundation the Belarusian group has worked
                with since 2022. The foundation also sends back photo reports from the hospitals so
                donors can see where their money went.
            """,
            "subheading": "What goes into a kit",
            "quote": (
                (
                    "We cannot change the fact that missiles were launched from our land. But we "
                    "can make sure bandages are sent from our hands."
                ),
                "Katsiaryna, the collection’s coordinator",
            ),
            "tags": ("Ukraine", "volunteers", "Warsaw"),
            "photo_caption": "Finished kits ready to ship",
        },
    },
    {
        "section": "politics",
        "hours_ago": 40,
        "authors": ("dziamidava",),
        "lead": ("city", "photo"),
        "note": 3,
        "be": {
            "title": "Літва пераправярае віды на жыхарства беларусаў: каго выклікаюць на гутарку",
            "lede": """
                Міграцыйная служба Літвы разаслала частцы беларусаў лісты з запрашэннем на гутарку
                і анкетай пра стаўленне да вайны і да Расіі. Некаторым ужо адмовілі ў падаўжэнні
                дазволу.

                Юрысты раяць адказваць падрабязна і захоўваць копіі ўсіх дакументаў.
            """,
            "caption": "Стары горад у Вільні, дзе жыве значная частка беларускай дыяспары",
            "text": """
                Паводле юрыстаў, з якімі мы размаўлялі, лісты атрымліваюць у асноўным тыя, хто
                часта ездзіць у Беларусь або працаваў там у дзяржаўных структурах. У анкеце
                пытаюцца пра паездкі, пра службу ў войску і пра тое, ці лічыць чалавек Крым часткай
                Украіны.

                Адмовы, з якімі да нас звярнуліся чытачы, спасылаюцца на «пагрозу нацыянальнай
                бяспецы» без падрабязнасцей. Такія рашэнні можна абскардзіць у судзе, і частку з іх
                суды ўжо адмянялі.
            """,
            "subheading": "Што пытаюцца ў анкеце",
            "quote": (
                (
                    "Я разумею, чаму Літва правярае. Цяжка толькі, калі адказ прыходзіць праз тры "
                    "месяцы і ўвесь гэты час ты не ведаеш, ці застанешся."
                ),
                "жанчына, якая жыве ў Вільні з 2021 года",
            ),
            "tags": ("Літва", "эміграцыя", "дакументы"),
        },
    },
    {
        "section": "culture",
        "hours_ago": 44,
        "authors": ("burak",),
        "lead": ("collage", "illustration"),
        "note": 0,
        "be": {
            "title": "Беластоцкае выдавецтва перавыдало забытыя апавяданні 1920-х гадоў",
            "lede": """
                Зборнік «Мястэчка на досвітку» аб’ядноўвае дваццаць апавяданняў трох аўтараў, якія
                друкаваліся ў віленскіх часопісах стагоддзе таму і з таго часу не перавыдаваліся.

                Тэксты знайшлі ў архіве, перанабралі і прывялі да сучаснага правапісу.
            """,
            "caption": "Вокладка зборніка «Мястэчка на досвітку»",
            "text": """
                Ідэя належыць дзвюм студэнткам-філолагам, якія пісалі дыпломы пра віленскую
                перыёдыку. Рыхтуючы працы, яны натрапілі на апавяданні Сымона Клённіка, Юзэфы Рак і
                аўтара, які падпісваўся толькі ініцыяламі «А. Б.». Пра апошняга дагэтуль амаль
                нічога не вядома.

                Апавяданні — пра жыццё мястэчка, кірмашы, каханне і эміграцыю ў Амерыку.
                Укладальніцы кажуць, што чытачы, якія ўжо атрымалі кнігу, часцей за ўсё пішуць ім
                пра адно: як падобнае тое стагоддзе на цяперашняе, калі палова знаёмых жыве за
                мяжой.

                Наклад — 1500 асобнікаў. Кнігу можна купіць у беларускіх кнігарнях у Польшчы і
                Літве, а электронная версія будзе бясплатнай.
            """,
            "subheading": "Стагоддзе таму — і цяпер",
            "quote": (
                (
                    "Мы думалі, што робім кнігу для філолагаў. А яе купляюць людзі, якія хочуць "
                    "прачытаць, як іх прадзеды з’язджалі і вярталіся."
                ),
                "адна з укладальніц зборніка",
            ),
            "tags": ("кнігі", "Беласток", "літаратура"),
        },
        "ru": {
            "title": "Белостокское издательство переиздало забытые рассказы 1920-х годов",
            "lede": """
                Сборник «Местечко на рассвете» объединяет двадцать рассказов трёх авторов, которые
                печатались в виленских журналах сто лет назад и с тех пор не переиздавались.

                Тексты нашли в архиве, перенабрали и привели к современной орфографии.
            """,
            "caption": "Обложка сборника «Местечко на рассвете»",
            "text": """
                Идея принадлежит двум студенткам-филологам, которые писали дипломы о виленской
                периодике. Готовя работы, они наткнулись на рассказы Симона Кленника, Юзефы Рак и
                автора, подписывавшегося только инициалами «А. Б.». О последнем до сих пор почти
                ничего не известно.

                Рассказы — о жизни местечка, ярмарках, любви и эмиграции в Америку. Составительницы
                говорят, что читатели, уже получившие книгу, чаще всего пишут им об одном: как
                похож тот век на нынешний, когда половина знакомых живёт за границей.

                Тираж — 1500 экземпляров. Книгу можно купить в белорусских книжных магазинах в
                Польше и Литве, а электронная версия будет бесплатной.
            """,
            "subheading": "Сто лет назад — и сейчас",
            "quote": (
                (
                    "Мы думали, что делаем книгу для филологов. А её покупают люди, которые хотят "
                    "прочитать, как их прадеды уезжали и возвращались."
                ),
                "одна из составительниц сборника",
            ),
            "tags": ("книги", "Белосток", "литература"),
        },
        "en": {
            "title": "A Białystok publisher revives forgotten short stories from the 1920s",
            "lede": """
                The collection A Small Town at Daybreak brings together twenty stories by three
                writers who published in Vilnius magazines a century ago and have not been
                reprinted since.

                The texts were found in an archive, retyped and brought into modern spelling.
            """,
            "caption": "The cover of A Small Town at Daybreak",
            "text": """
                The idea came from two philology students writing their theses on Vilnius
                periodicals. While researching, they came across stories by Symon Klionnik, Juzefa
                Rak and a writer who signed only with the initials “A. B.”, about whom almost
                nothing is known to this day.

                The stories are about small-town life, market fairs, love and emigration to
                America. The editors say readers who already have the book most often write to them
                about one thing: how much that century resembles this one, when half the people you
                know live abroad.

                The print run is 1,500 copies. The book is sold in Belarusian bookshops in Poland
                and Lithuania, and the e-book will be free.
            """,
            "subheading": "A century ago, and now",
            "quote": (
                (
                    "We thought we were making a book for philologists. Instead it is being "
                    "bought by people who want to read how their great-grandparents left and came "
                    "back."
                ),
                "one of the collection’s editors",
            ),
            "tags": ("books", "Białystok", "literature"),
        },
    },
    {
        "section": "society",
        "hours_ago": 48,
        "authors": ("kaval",),
        "lead": ("city", "photo"),
        "note": 1,
        "be": {
            "title": "Пашпарт за мяжой: як беларусы ў Польшчы вырашаюць праблему з дакументамі",
            "lede": """
                Беларускія консульствы не выдаюць і не абменьваюць пашпарты за мяжой, і ў тых, хто
                з’ехаў, тэрмін дзеяння дакументаў паступова сканчаецца. Польшча прапануе некалькі
                выйсцяў, але ў кожнага свае абмежаванні.

                Мы сабралі, што працуе, а што не.
            """,
            "caption": "Варшава. Чэргі ў ваяводскія ўрады расцягваюцца на месяцы",
            "text": """
                Самы распаўсюджаны варыянт — польскі «пашпарт замежніка», які выдаюць тым, хто мае
                від на жыхарства і не можа атрымаць дакумент сваёй краіны. З ім можна ездзіць па
                Еўропе, але не ў Беларусь, і атрымаць яго можна толькі пасля доўгай праверкі.

                Тыя, хто атрымаў міжнародную абарону, маюць праязны дакумент уцекача. Ён надзейны,
                але закрывае дарогу дадому ў літаральным сэнсе: з ім нельга звяртацца ў беларускія
                ўстановы і ездзіць у Беларусь. Для многіх, у каго там засталіся пажылыя бацькі,
                гэта цяжкі выбар.

                Юрысты раяць пачынаць працэдуру загадзя, за год да заканчэння тэрміну дзеяння
                старога пашпарта: чэргі ў ваяводскія ўрады доўгія, а без сапраўднага дакумента
                праблемы пачынаюцца з банкаў і працадаўцаў.
            """,
            "subheading": "Статус уцекача: надзейна, але назаўсёды?",
            "quote": (
                (
                    "Я доўга адкладала, бо здавалася, што гэта канчатковае рашэнне. Калі пашпарт "
                    "скончыўся, банк заблакаваў мне рахунак на два тыдні."
                ),
                "Наталля, жыве ў Варшаве з 2021 года",
            ),
            "tags": ("дакументы", "Польшча", "эміграцыя"),
        },
        "ru": {
            "title": "Паспорт за границей: как белорусы в Польше решают проблему с документами",
            "lede": """
                Белорусские консульства не выдают и не обменивают паспорта за границей, и у
                уехавших срок действия документов постепенно истекает. Польша предлагает несколько
                выходов, но у каждого свои ограничения.

                Мы собрали, что работает, а что нет.
            """,
            "caption": "Варшава. Очереди в воеводские управления растягиваются на месяцы",
            "text": """
                Самый распространённый вариант — польский «паспорт иностранца», который выдают тем,
                у кого есть вид на жительство и кто не может получить документ своей страны. С ним
                можно ездить по Европе, но не в Беларусь, а получить его можно только после долгой
                проверки.

                У тех, кто получил международную защиту, есть проездной документ беженца. Он
                надёжен, но закрывает дорогу домой в буквальном смысле: с ним нельзя обращаться в
                белорусские учреждения и ездить в Беларусь. Для многих, у кого там остались пожилые
                родители, это тяжёлый выбор.

                Юристы советуют начинать процедуру заранее, за год до окончания срока действия
                старого паспорта: очереди в воеводские управления длинные, а без действующего
                документа проблемы начинаются с банков и работодателей.
            """,
            "subheading": "Статус беженца: надёжно, но навсегда?",
            "quote": (
                (
                    "Я долго откладывала, потому что казалось, что это окончательное решение. "
                    "Когда паспорт закончился, банк заблокировал мне счёт на две недели."
                ),
                "Наталья, живёт в Варшаве с 2021 года",
            ),
            "tags": ("документы", "Польша", "эмиграция"),
        },
        "en": {
            "title": "Passports abroad: how Belarusians in Poland deal with expiring documents",
            "lede": """
                Belarusian consulates no longer issue or renew passports abroad, and the documents
                of those who have left are gradually expiring. Poland offers several ways out, but
                each has its limits.

                We have gathered what works and what does not.
            """,
            "caption": "Warsaw. Queues at regional migration offices stretch for months",
            "text": """
                The most common option is the Polish “passport for foreigners”, issued to residence
                permit holders who cannot obtain a document from their own country. It allows
                travel around Europe, but not to Belarus, and it is granted only after a long
                check.

                People granted international protection receive a refugee travel document. It is
                secure, but it closes the road home quite literally: its holders cannot deal with
                Belarusian institutions or travel to Belarus. For many whose elderly parents still
                live there, it is a hard choice.

                Lawyers advise starting the process early, a year before the old passport expires:
                the queues at regional offices are long, and without a valid document the problems
                start with banks and employers.
            """,
            "subheading": "Refugee status: secure, but for good?",
            "quote": (
                (
                    "I put it off for a long time because it felt so final. When my passport "
                    "expired, my bank froze my account for two weeks."
                ),
                "Natallia, in Warsaw since 2021",
            ),
            "tags": ("documents", "Poland", "emigration"),
        },
    },
    {
        "section": "climate",
        "hours_ago": 52,
        "authors": ("trusava",),
        "lead": ("field", "photo"),
        "gallery": (("river", "field", "forest"), "photo"),
        "note": 0,
        "be": {
            "title": "На Палессі аднавілі дзве тысячы гектараў асушаных тарфянікаў",
            "lede": """
                На былых торфараспрацоўках у Пінскім раёне перакрылі меліярацыйныя каналы, і вада
                вярнулася на балота. Праз тры гады там зноў гняздуюцца кулікі, а пажараў не было
                ніводнага.

                Праект пачыналі яшчэ да 2020 года разам з замежнымі партнёрамі; цяпер ён трымаецца
                толькі на мясцовых сілах.
            """,
            "caption": "Адноўленае балота ў Пінскім раёне",
            "text": """
                Асушаныя тарфянікі — адна з галоўных крыніц пажараў і выкідаў вуглякіслага газу ў
                Беларусі. Сухі торф гарыць тыднямі, часта пад зямлёй, і патушыць яго амаль
                немагчыма. Калі ж балота зноў залітае вадой, торф перастае раскладацца і пачынае
                назапашваць вуглярод.

                Тэхналогія простая: упоперак каналаў ставяць земляныя і драўляныя перамычкі, і вада
                паступова падымаецца. Складаней дамовіцца з людзьмі: частка мясцовых жыхароў касіла
                на асушаных участках сена і баялася застацца без сенажацей.
            """,
            "subheading": "Перамычкі і сенажаці",
            "quote": (
                (
                    "Першы год усе пыталіся, навошта мы топім зямлю. Цяпер тыя ж людзі прыходзяць "
                    "паглядзець на жураўлёў."
                ),
                "удзельнік праекта з Пінска",
            ),
            "tags": ("балоты", "Палессе", "торф"),
            "gallery_captions": (
                "Перамычка на былым меліярацыйным канале",
                "Участак, дзе зноў стаіць вада",
                "Лес на краі балота",
            ),
            "gallery_caption": "Як выглядае адноўлены тарфянік",
        },
    },
    {
        "section": "politics",
        "hours_ago": 55,
        "authors": ("dziamidava",),
        "lead": ("collage", "collage"),
        "note": 0,
        "be": {
            "title": "Тры гады калоніі за 20 еўра: у Мінску асудзілі жанчыну за данат 2020 года",
            "lede": """
                Мінскі гарадскі суд асудзіў 41-гадовую бухгалтарку за «фінансаванне экстрэмісцкай
                дзейнасці». У 2020 годзе яна пералічыла 20 еўра ў фонд, які дапамагаў затрыманым на
                пратэстах.

                Справу завялі праз чатыры гады пасля перавода — калі сілавікі атрымалі доступ да
                базы данатаў.
            """,
            "caption": "Колькасць спраў за данаты расце з кожным годам",
            "text": """
                Жанчыну затрымалі на працы. Сваякі расказваюць, што яна не хавала перавод і на
                допыце адразу яго прызнала: тады, у 2020 годзе, грошы ішлі на ежу і адвакатаў для
                людзей, якія прайшлі праз ізалятар на Акрэсціна.

                Падобныя справы разглядаюць у Беларусі штотыдзень. Сума перавода амаль не ўплывае
                на прысуд: суды прызначаюць і штрафы, і рэальныя тэрміны — у залежнасці ад таго, ці
                прызнаў чалавек віну і ці ёсць у яго «іншыя эпізоды».
            """,
            "subheading": "Справа праз чатыры гады",
            "quote": (
                "Яна да апошняга думала, што за дваццаць еўра не садзяць. Мы ўсе так думалі.",
                "сяброўка асуджанай",
            ),
            "tags": ("суды", "данаты", "Мінск"),
        },
    },
    {
        "section": "war",
        "hours_ago": 60,
        "authors": ("shyla",),
        "lead": ("road", "pool"),
        "photo": ("field", "reader"),
        "note": 1,
        "be": {
            "title": "Ваенныя эшалоны на Гомельшчыне: што бачаць пасажыры прыгарадных цягнікоў",
            "lede": """
                Чытачы паведамляюць пра некалькі эшалонаў з бранятэхнікай і грузавікамі на ўчастку
                Гомель — Калінкавічы за апошнія дні. Частка тэхнікі была без апазнавальных знакаў.

                Міністэрства абароны гэтыя перамяшчэнні не каментавала.
            """,
            "caption": "Пераезд на Гомельшчыне ўначы",
            "text": """
                Эшалоны праходзілі ўначы і раніцай, калі прыгарадныя цягнікі стаяць на раз’ездах,
                прапускаючы грузавыя. Пасажыры расказваюць пра платформы з брызентам, пад якім
                угадваліся контуры гусенічных машын, і пра некалькі вагонаў з вайскоўцамі.

                Куды ішла тэхніка, невядома. Ваенныя аналітыкі, з якімі мы размаўлялі, звяртаюць
                увагу, што такія перамяшчэнні часта звязаныя з вучэннямі або ратацыяй і самі па
                сабе не сведчаць пра падрыхтоўку наступлення. Але яны нагадваюць, што ў 2022 годзе
                ўсё таксама пачыналася з «вучэнняў».
            """,
            "subheading": "Вучэнні ці нешта большае",
            "quote": (
                (
                    "Мы стаялі на раз’ездзе сорак хвілін. Ніхто ў вагоне не здымаў, усе проста "
                    "глядзелі ў акно і маўчалі."
                ),
                "пасажырка прыгараднага цягніка",
            ),
            "tags": ("Гомель", "чыгунка", "войска"),
            "photo_caption": "Чыгунка на Гомельшчыне. Здымак зроблены з акна цягніка",
        },
    },
    {
        "section": "culture",
        "hours_ago": 66,
        "authors": ("burak",),
        "lead": ("stage", "photo"),
        "embed": {"url": "https://music.example.org/lapiki/adras", "provider": "Bandcamp"},
        "note": 1,
        "be": {
            "title": (
                "Гурт з Гомеля запісаў альбом у Рызе: «Мы спяваем пра дом, якога няма на карце»"
            ),
            "lede": """
                Гурт «Лапікі» выпусціў другі альбом — дзесяць песень па-беларуску, запісаных за
                тыдзень у студыі ў Рызе. Музыканты жывуць у трох розных краінах і збіраюцца разам
                два разы на год.

                Альбом ужо можна паслухаць анлайн.
            """,
            "caption": "«Лапікі» на канцэрце ў Рызе",
            "text": """
                Песні пісаліся па частках: адзін музыкант дасылаў мелодыю з Гданьска, другі
                дапісваў тэкст у Тбілісі, трэці рабіў аранжыроўку ў Рызе. Упершыню ўсе разам яны
                сыгралі іх толькі ў студыі.

                Назва альбома — «Адрас» — з’явілася апошняй. Вакаліст гурта кажа, што ў кожнай
                песні ёсць нейкае месца: вуліца ў Гомелі, прыпынак, двор з арэлямі. Большасці гэтых
                месцаў у ранейшым выглядзе ўжо няма — нешта перабудавалі, нешта знеслі.
            """,
            "subheading": "Тры краіны, адна студыя",
            "quote": (
                (
                    "Мы спяваем пра дом, якога няма на карце. Яго няма нідзе, акрамя нашай "
                    "памяці, і гэта, мабыць, самае надзейнае месца."
                ),
                "вакаліст гурта «Лапікі»",
            ),
            "tags": ("музыка", "Гомель", "альбомы"),
            "embed_title": "Альбом «Адрас» цалкам",
        },
    },
    {
        "section": "society",
        "hours_ago": 70,
        "authors": ("kaval",),
        "lead": ("city", "photo"),
        "note": 0,
        "be": {
            "title": "Школы Гомеля абавязалі пачынаць тыдзень з «ідэалагічнай хвіліны»",
            "lede": """
                Па панядзелках перад першым урокам настаўнікі павінны праводзіць дзесяціхвілінную
                размову пра «гістарычную памяць і патрыятызм». Тэмы разасланыя загадзя, а класныя
                кіраўнікі здаюць справаздачы.

                Бацькі, з якімі мы размаўлялі, кажуць, што пытацца пра гэта ўслых не рызыкуюць.
            """,
            "caption": "Школьны двор у Гомелі",
            "text": """
                Настаўніца пачатковых класаў з Гомеля паказала нам спіс тэм на месяц: дзяржаўныя
                сімвалы, «уклад Беларусі ў Перамогу», «небяспека каляровых рэвалюцый».
                Першакласнікам тыя ж тэмы рэкамендавана тлумачыць праз малюнкі і вершы.

                Справаздача складаецца з фота класа і кароткага апісання. Па словах настаўніцы,
                правяраюць не змест, а наяўнасць: калі фота няма, тэлефануюць з аддзела адукацыі.
            """,
            "subheading": "Справаздача з фота",
            "quote": (
                (
                    "Дзеці слухаюць гэта так, як слухаюць прагноз надвор’я. Але малодшыя потым "
                    "пераказваюць дома, і бацькі не заўсёды ведаюць, што адказаць."
                ),
                "настаўніца пачатковых класаў",
            ),
            "tags": ("школа", "Гомель", "адукацыя"),
        },
    },
    {
        "section": "climate",
        "hours_ago": 76,
        "authors": ("trusava",),
        "lead": ("river", "photo"),
        "note": 2,
        "be": {
            "title": (
                "Нарач становіцца мутнейшай: за дзесяць гадоў празрыстасць вады знізілася на трэць"
            ),
            "lede": """
                Даследчыкі, якія працавалі на Нарачы, падлічылі, што празрыстасць вады ў возеры за
                апошняе дзесяцігоддзе знізілася ў сярэднім на трэць. Галоўныя прычыны — цяплейшая
                вада і сцёкі з палёў.

                Нарач — найбуйнейшае возера Беларусі і адзін з самых папулярных курортаў краіны.
            """,
            "caption": "Нарач. Калісьці дно тут было відаць на глыбіні пяці метраў",
            "text": """
                Празрыстасць мераюць простым спосабам: у ваду апускаюць белы дыск і фіксуюць
                глыбіню, на якой ён знікае з віду. Калісьці на Нарачы дыск быў бачны на глыбіні
                больш за пяць метраў. Цяпер — часцей за ўсё на трох з паловай.

                Цёплая вада і ўгнаенні з палёў ствараюць спрыяльнае асяроддзе для сінезялёных
                водарасцяў. Гідрабіёлагі нагадваюць, што ў 1990-я гады возера ўжо перажывала
                падобны стан, і яго ўдалося выправіць, калі скарацілі сцёкі. З тэмпературай вады
                так проста не атрымаецца.
            """,
            "subheading": "Белы дыск на вяроўцы",
            "tags": ("Нарач", "азёры", "вада"),
        },
    },
    {
        "section": "politics",
        "hours_ago": 80,
        "authors": ("zhuk", "dziamidava"),
        "lead": ("collage", "illustration"),
        "note": 3,
        "be": {
            "title": "Завочных працэсаў стала амаль утрая больш: што паказваюць падлікі",
            "lede": """
                За апошнія дванаццаць месяцаў беларускія суды разгледзелі ў парадку завочнай
                вытворчасці больш за сто спраў — амаль утрая больш, чым годам раней. Большасць
                асуджаных — журналісты, актывісты і былыя сілавікі, якія з’ехалі з краіны.

                Мы сабралі даныя з паведамленняў пракуратуры і судоў.
            """,
            "caption": "Інфаграфіка рэдакцыі: завочныя прысуды па месяцах",
            "text": """
                Наша база складаецца з афіцыйных паведамленняў пракуратуры, судовых рашэнняў і
                звестак ад сваякоў асуджаных. Улічаныя толькі справы, па якіх прысуд ужо вынесены;
                справы, якія яшчэ разглядаюцца, мы не лічылі.

                Сярэдні тэрмін па завочных прысудах — восем з паловай гадоў, што прыкметна больш,
                чым у падобных справах з удзелам абвінавачаных. Амаль ва ўсіх выпадках суд
                прызначыў таксама канфіскацыю маёмасці, якая засталася ў Беларусі.

                Завочныя прысуды не вядуць да экстрадыцыі з краін Еўрасаюза: запыты Беларусі па
                такіх справах там звычайна адхіляюць. Але яны пазбаўляюць людзей жылля, дазваляюць
                ціснуць на сваякоў і робяць немагчымым вяртанне.
            """,
            "subheading": "Даўжэйшыя тэрміны і канфіскацыя",
            "quote": (
                (
                    "Завочны прысуд — гэта ліст, адрасаваны не асуджанаму, а тым, хто застаўся. "
                    "Сэнс у тым, каб яны бачылі, што бывае з тымі, хто з’ехаў і працягвае "
                    "гаварыць."
                ),
                "юрыст, які кансультуе асуджаных завочна",
            ),
            "tags": ("суды", "даныя", "эміграцыя"),
        },
        "ru": {
            "title": "Заочных процессов стало почти втрое больше: что показывают подсчёты",
            "lede": """
                За последние двенадцать месяцев белорусские суды рассмотрели в порядке заочного
                производства больше ста дел — почти втрое больше, чем годом ранее. Большинство
                осуждённых — журналисты, активисты и бывшие силовики, уехавшие из страны.

                Мы собрали данные из сообщений прокуратуры и судов.
            """,
            "caption": "Инфографика редакции: заочные приговоры по месяцам",
            "text": """
                Наша база состоит из официальных сообщений прокуратуры, судебных решений и сведений
                от родственников осуждённых. Учтены только дела, по которым приговор уже вынесен;
                дела, которые ещё рассматриваются, мы не считали.

                Средний срок по заочным приговорам — восемь с половиной лет, что заметно больше,
                чем в похожих делах с участием обвиняемых. Почти во всех случаях суд назначил также
                конфискацию имущества, оставшегося в Беларуси.

                Заочные приговоры не ведут к экстрадиции из стран Евросоюза: запросы Беларуси по
                таким делам там обычно отклоняют. Но они лишают людей жилья, позволяют давить на
                родственников и делают невозможным возвращение.
            """,
            "subheading": "Более длинные сроки и конфискация",
            "quote": (
                (
                    "Заочный приговор — это письмо, адресованное не осуждённому, а тем, кто "
                    "остался. Смысл в том, чтобы они видели, что бывает с теми, кто уехал и "
                    "продолжает говорить."
                ),
                "юрист, который консультирует заочно осуждённых",
            ),
            "tags": ("суды", "данные", "эмиграция"),
        },
        "en": {
            "title": "Trials in absentia have almost tripled, our count shows",
            "lede": """
                Over the past twelve months Belarusian courts have decided more than a hundred
                cases in absentia, nearly three times as many as the year before. Most of those
                convicted are journalists, activists and former security officers who have left the
                country.

                We compiled the data from statements by prosecutors and the courts.
            """,
            "caption": "Newsroom graphic: verdicts in absentia by month",
            "text": """
                Our database is built from official prosecutors’ statements, court rulings and
                information from relatives of those convicted. It includes only cases in which a
                verdict has been handed down; cases still being heard were not counted.

                The average sentence in absentia is eight and a half years, noticeably longer than
                in similar cases where the defendant is present. In almost every case the court
                also ordered the confiscation of property left in Belarus.

                Verdicts in absentia do not lead to extradition from EU countries, which usually
                reject Belarusian requests in such cases. But they strip people of their homes,
                give the authorities leverage over relatives and make return impossible.
            """,
            "subheading": "Longer terms and confiscation",
            "quote": (
                (
                    "A verdict in absentia is a letter addressed not to the convicted person but "
                    "to those who stayed. The point is for them to see what happens to people who "
                    "left and keep speaking."
                ),
                "a lawyer who advises people convicted in absentia",
            ),
            "tags": ("courts", "data", "emigration"),
        },
    },
    {
        "section": "war",
        "hours_ago": 90,
        "authors": ("shyla",),
        "lead": ("city", "photo"),
        "note": 0,
        "be": {
            "title": "Украінцы, якія засталіся ў Мазыры: «Мы тут ужо свае, але размаўляем ціха»",
            "lede": """
                У Мазыры і навакольных вёсках жывуць некалькі сотняў украінцаў, якія прыехалі сюды
                да вайны або ў першыя яе месяцы. Большасць з іх працуе на мясцовых прадпрыемствах і
                стараецца не выказвацца публічна.

                Мы пагаварылі з трыма сем’ямі.
            """,
            "caption": "Мазыр увечары",
            "text": """
                Аксана з мужам пераехала ў Мазыр з Чарнігаўшчыны ў 2019 годзе, калі муж уладкаваўся
                на нафтаперапрацоўчы завод. Яе маці і сястра жывуць пад Чарнігавам, і кожную ноч
                паветранай трывогі Аксана праводзіць з тэлефонам у руцэ.

                Украінцы ў Мазыры кажуць, што суседзі ставяцца да іх добра, але пра вайну стараюцца
                не гаварыць. Па-першае, небяспечна: за «непрыхільныя» выказванні можна страціць
                працу або від на жыхарства. Па-другое, кажа адна з нашых суразмоўніц, «мы не
                ведаем, хто з суседзяў што глядзіць па тэлевізары».
            """,
            "subheading": "Ноч з тэлефонам у руцэ",
            "quote": (
                (
                    "Калі ў Чарнігаве трывога, я не сплю. Муж кажа, што так нельга, але я не магу "
                    "заснуць, пакуль мама не напіша «усё добра»."
                ),
                "Аксана, жыве ў Мазыры з 2019 года",
            ),
            "tags": ("украінцы ў Беларусі", "Мазыр", "вайна"),
        },
    },
    {
        "section": "society",
        "hours_ago": 95,
        "authors": ("zhuk",),
        "lead": ("city", "photo"),
        "note": 3,
        "be": {
            "title": "Айцішнікі не вяртаюцца: што паказала апытанне рэлакантаў у Варшаве і Вільні",
            "lede": """
                Больш за палову беларускіх ІТ-спецыялістаў, якія з’ехалі пасля 2020 года, не
                плануюць вяртацца нават пры змене ўлады, паказала апытанне 800 чалавек. Амаль трэць
                ужо купіла або збіраецца купіць жыллё за мяжой.

                Апытанне праводзіла незалежная даследчая група.
            """,
            "caption": "Офісны квартал у Варшаве, дзе працуюць многія беларускія айцішнікі",
            "text": """
                Сярод тых, хто не збіраецца вяртацца, самыя частыя прычыны — дзеці, якія пайшлі ў
                мясцовыя школы, і кар’ера, якая склалася ў новай краіне. Толькі кожны дзясяты
                назваў галоўнай прычынай страх пераследу.

                Пры гэтым 70 працэнтаў апытаных рэгулярна чытаюць беларускія навіны, а больш за
                палову хоць раз на месяц ахвяруюць на беларускія ініцыятывы. Даследчыкі называюць
                гэта «дыстанцыйнай прыналежнасцю»: людзі застаюцца звязанымі з краінай, не плануючы
                ў яе вяртацца.
            """,
            "subheading": "Дыстанцыйная прыналежнасць",
            "quote": (
                (
                    "Я кожны дзень чытаю пра Мінск і кожны вечар кладу дачку спаць у Варшаве. "
                    "Гэта ўжо не часова, гэта проста маё жыццё."
                ),
                "праграміст, з’ехаў у 2021 годзе",
            ),
            "tags": ("ІТ", "эміграцыя", "даследаванні"),
        },
    },
    {
        "section": "culture",
        "hours_ago": 100,
        "authors": ("burak",),
        "lead": ("stage", "photo"),
        "note": 2,
        "be": {
            "title": (
                "У Вільні пачынаецца фестываль беларускага кіно: 14 фільмаў і дыскусія пра цэнзуру"
            ),
            "lede": """
                У праграме фестывалю — дакументальныя і ігравыя фільмы, знятыя беларусамі за
                апошнія два гады ў Польшчы, Літве, Грузіі і Германіі. Частка з іх — першыя работы
                рэжысёраў.

                Некаторыя фільмы пакажуць толькі аднойчы: аўтары не хочуць, каб яны трапілі ў
                адкрыты доступ.
            """,
            "caption": "Зала кінатэатра перад адкрыццём фестывалю",
            "text": """
                Фільм адкрыцця — дакументальная стужка «Балкон» пра пяць гадоў жыцця аднаго
                мінскага балкона, які здымаў на тэлефон яго гаспадар. На балконе перастаўлялі
                кветкі, потым з сушылкі знік бел-чырвона-белы ручнік, потым з’явіліся скрынкі з
                рэчамі — гаспадар з’язджаў.

                У праграме таксама анімацыя, кароткі метр і ігравы фільм пра вясковую школу, які
                цалкам здымалі ў Латгаліі. Пасля паказаў — сустрэчы з рэжысёрамі, а ў апошні дзень
                адбудзецца дыскусія пра тое, як здымаць кіно пра краіну, у якую нельга прыехаць.
            """,
            "subheading": "Кіно пра краіну, у якую нельга прыехаць",
            "quote": (
                (
                    "Мы не можам здымаць у Беларусі, але можам здымаць беларусаў. І аказалася, "
                    "што гэтага дастаткова, каб расказаць пра краіну ўсё."
                ),
                "адзін з арганізатараў фестывалю",
            ),
            "tags": ("кіно", "Вільня", "фестывалі"),
        },
    },
    {
        "section": "climate",
        "hours_ago": 105,
        "authors": ("trusava", "zhuk"),
        "lead": ("city", "photo"),
        "photo": ("forest", "reader"),
        "note": 3,
        "be": {
            "title": "Мінск губляе дрэвы: актывісты падлічылі высечкі ўздоўж праспектаў",
            "lede": """
                Гарадскія актывісты параўналі спадарожнікавыя здымкі са свежымі фота вуліц і
                налічылі каля 2300 дрэў, высечаных уздоўж галоўных праспектаў Мінска за тры гады.
                На месцы большасці з іх з’явіліся паркоўкі або пашыраныя тратуары.

                Гарадскія службы кажуць, што высякаюць толькі аварыйныя дрэвы і кампенсуюць страты
                новымі пасадкамі.
            """,
            "caption": "Праспект у Мінску, дзе раней расла ліпавая алея",
            "text": """
                Каманда з пяці валанцёраў, якія жывуць у Мінску, паўтара года ананімна вяла карту
                высечак. «Кожнае дрэва мы адзначалі тры разы: на старым здымку, на новым і на фота
                з вуліцы», — расказвае адна з удзельніц. Часам дрэва знікала, а пень
                заасфальтоўвалі за адзін дзень.

                Новыя пасадкі ў горадзе сапраўды ёсць, але ў асноўным на ўскраінах і ў новых
                мікрараёнах. Маладыя дрэвы, кажуць эколагі, пачынаюць даваць заўважны цень і
                ахалоджваць вуліцу толькі праз 15–20 гадоў, а ў спякотныя дні розніца тэмператур
                паміж вуліцай з дрэвамі і без іх дасягае некалькіх градусаў.
            """,
            "subheading": "Пасадкі на ўскраінах",
            "quote": (
                (
                    "Ліпа, якая расла пяцьдзясят гадоў, і саджанец у гаршку — гэта не адно і тое "
                    "ж, нават калі ў справаздачы яны лічацца аднолькава."
                ),
                "удзельніца праекта, які вядзе карту высечак",
            ),
            "tags": ("Мінск", "дрэвы", "горад"),
            "photo_caption": "Пні на месцы ліпавай алеі",
        },
        "ru": {
            "title": "Минск теряет деревья: активисты подсчитали вырубки вдоль проспектов",
            "lede": """
                Городские активисты сравнили спутниковые снимки со свежими фото улиц и насчитали
                около 2300 деревьев, срубленных вдоль главных проспектов Минска за три года. На
                месте большинства из них появились парковки или расширенные тротуары.

                Городские службы говорят, что рубят только аварийные деревья и компенсируют потери
                новыми посадками.
            """,
            "caption": "Проспект в Минске, где раньше росла липовая аллея",
            "text": """
                Команда из пяти волонтёров, которые живут в Минске, полтора года анонимно вела
                карту вырубок. «Каждое дерево мы отмечали три раза: на старом снимке, на новом и на
                фото с улицы», — рассказывает одна из участниц. Иногда дерево исчезало, а пень
                закатывали в асфальт за один день.

                Новые посадки в городе действительно есть, но в основном на окраинах и в новых
                микрорайонах. Молодые деревья, говорят экологи, начинают давать заметную тень и
                охлаждать улицу только через 15–20 лет, а в жаркие дни разница температур между
                улицей с деревьями и без них достигает нескольких градусов.
            """,
            "subheading": "Посадки на окраинах",
            "quote": (
                (
                    "Липа, которая росла пятьдесят лет, и саженец в горшке — это не одно и то же, "
                    "даже если в отчёте они считаются одинаково."
                ),
                "участница проекта, который ведёт карту вырубок",
            ),
            "tags": ("Минск", "деревья", "город"),
            "photo_caption": "Пни на месте липовой аллеи",
        },
        "en": {
            "title": "Minsk is losing its trees: activists count the felling along main avenues",
            "lede": """
                Urban activists compared satellite images with recent street photos and counted
                around 2,300 trees cut down along Minsk’s main avenues over three years. Most have
                given way to parking spaces or wider pavements.

                City services say they fell only trees in a dangerous condition and make up for
                losses with new planting.
            """,
            "caption": "An avenue in Minsk that used to be lined with lime trees",
            "text": """
                A team of five volunteers living in Minsk kept an anonymous map of the felling for
                a year and a half. “We marked every tree three times: on the old image, on the new
                one and in a street photo,” one of them says. Sometimes a tree vanished and its
                stump was paved over within a day.

                The city does plant new trees, but mostly on the outskirts and in new housing
                estates. Young trees, ecologists say, only begin to give real shade and cool a
                street after 15 to 20 years, and on hot days the temperature difference between a
                street with trees and one without can reach several degrees.
            """,
            "subheading": "Planting on the outskirts",
            "quote": (
                (
                    "A lime tree that grew for fifty years and a sapling in a pot are not the "
                    "same thing, even if a report counts them the same way."
                ),
                "a member of the project that maps the felling",
            ),
            "tags": ("Minsk", "trees", "city"),
            "photo_caption": "Stumps where a row of lime trees used to stand",
        },
    },
    {
        "section": "politics",
        "hours_ago": 110,
        "authors": ("dziamidava",),
        "lead": ("city", "pool"),
        "note": 2,
        "be": {
            "title": "Дадатковыя выбары ў Віцебскі гарсавет: на адно месца — адзін кандыдат",
            "lede": """
                У Віцебску прызначылі дадатковыя выбары ў гарадскі Савет дэпутатаў па трох акругах.
                Ва ўсіх трох зарэгістравана па адным кандыдаце — кіраўнікі мясцовых прадпрыемстваў
                і ўстаноў.

                Незалежных назіральнікаў на выбарчыя ўчасткі не дапускаюць з 2020 года.
            """,
            "caption": "Віцебск. Пра выбары тут нагадваюць толькі спісы выбаршчыкаў на пад’ездах",
            "text": """
                Месцы вызваліліся пасля таго, як тры дэпутаты склалі паўнамоцтвы: двое перайшлі на
                працу ў выканкам, адзін пераехаў. Выбары прызначаныя праз два месяцы; збор подпісаў
                ужо завершаны.

                Кандыдаты — дырэктар школы, галоўны ўрач паліклінікі і намеснік дырэктара
                хлебазавода. Праграмы ўсіх трох амаль супадаюць: «захаванне стабільнасці»,
                добраўпарадкаванне двароў і «патрыятычнае выхаванне моладзі».
            """,
            "subheading": "Тры праграмы, адзін тэкст",
            "tags": ("выбары", "Віцебск", "мясцовая ўлада"),
        },
    },
    {
        "section": "war",
        "hours_ago": 120,
        "authors": ("shyla",),
        "lead": ("city", "reader"),
        "note": 0,
        "be": {
            "title": "Ноч у сховішчы: беларусы ў Кіеве расказваюць пра масіраваную атаку",
            "lede": """
                Пасля адной з самых доўгіх паветраных трывог за апошнія месяцы мы пагаварылі з
                беларусамі, якія жывуць у Кіеве. Яны правялі ноч у метро, у падвалах і ў ваннай,
                «паміж дзвюма сценамі».

                У некалькіх раёнах горада пашкоджаныя жылыя дамы; ёсць загінулыя і параненыя.
            """,
            "caption": "Кіеў раніцай пасля атакі",
            "text": """
                Марыя з Барысава жыве ў Кіеве з 2021 года і працуе ў IT-кампаніі. Трывогу абвясцілі
                а палове першай ночы, адбой — пасля сёмай раніцы. «Мы з суседкай і яе сабакам
                сядзелі ў калідоры, слухалі выбухі і лічылі: далёка, бліжэй, зусім блізка», — кажа
                яна.

                Беларусаў ва Украіне цяпер некалькі тысяч. Многія з іх з’ехалі пасля 2020 года і
                засталіся, нягледзячы на вайну. Некаторыя кажуць, што самае цяжкае — не начныя
                трывогі, а размовы з роднымі ў Беларусі, якія глядзяць на гэтую вайну праз
                дзяржаўнае тэлебачанне.
            """,
            "subheading": "«Далёка, бліжэй, зусім блізка»",
            "quote": (
                (
                    "Раніцай мама напісала: «У нас тут ціха, у вас там не страшна?» Я доўга "
                    "думала, што адказаць, і напісала: «Усё добра»."
                ),
                "Марыя, беларуска ў Кіеве",
            ),
            "tags": ("Кіеў", "Украіна", "беларусы за мяжой"),
        },
        "ru": {
            "title": "Ночь в укрытии: белорусы в Киеве рассказывают о массированной атаке",
            "lede": """
                После одной из самых долгих воздушных тревог за последние месяцы мы поговорили с
                белорусами, которые живут в Киеве. Они провели ночь в метро, в подвалах и в ванной,
                «между двумя стенами».

                В нескольких районах города повреждены жилые дома; есть погибшие и раненые.
            """,
            "caption": "Киев утром после атаки",
            "text": """
                Мария из Борисова живёт в Киеве с 2021 года и работает в IT-компании. Тревогу
                объявили в половине первого ночи, отбой — после семи утра. «Мы с соседкой и её
                собакой сидели в коридоре, слушали взрывы и считали: далеко, ближе, совсем близко»,
                — говорит она.

                Белорусов в Украине сейчас несколько тысяч. Многие из них уехали после 2020 года и
                остались, несмотря на войну. Некоторые говорят, что самое тяжёлое — не ночные
                тревоги, а разговоры с родными в Беларуси, которые смотрят на эту войну через
                государственное телевидение.
            """,
            "subheading": "«Далеко, ближе, совсем близко»",
            "quote": (
                (
                    "Утром мама написала: «У нас тут тихо, у вас там не страшно?» Я долго думала, "
                    "что ответить, и написала: «Всё хорошо»."
                ),
                "Мария, белоруска в Киеве",
            ),
            "tags": ("Киев", "Украина", "белорусы за границей"),
        },
        "en": {
            "title": "A night in the shelter: Belarusians in Kyiv describe a massive attack",
            "lede": """
                After one of the longest air-raid alerts in months, we spoke to Belarusians living
                in Kyiv. They spent the night in the metro, in basements and in their bathrooms,
                “between two walls”.

                Residential buildings were damaged in several districts of the city; people have
                been killed and injured.
            """,
            "caption": "Kyiv the morning after the attack",
            "text": """
                Maryja, from Barysau, has lived in Kyiv since 2021 and works for a tech company.
                The alert sounded at half past midnight, and the all-clear came after seven in the
                morning. “My neighbour, her dog and I sat in the hallway, listening to the
                explosions and counting: far away, closer, very close,” she says.

                Several thousand Belarusians now live in Ukraine. Many left Belarus after 2020 and
                stayed despite the war. Some say the hardest part is not the night-time alerts but
                talking to relatives in Belarus who see this war through state television.
            """,
            "subheading": "“Far away, closer, very close”",
            "quote": (
                (
                    "In the morning Mum texted: “It’s quiet here, it’s not scary where you are, "
                    "is it?” I thought for a long time about what to answer, and wrote: "
                    "“Everything’s fine.”"
                ),
                "Maryja, a Belarusian in Kyiv",
            ),
            "tags": ("Kyiv", "Ukraine", "Belarusians abroad"),
        },
    },
    {
        "section": "society",
        "hours_ago": 130,
        "authors": ("kaval", "zhuk"),
        "lead": ("city", "photo"),
        "note": 1,
        "be": {
            "title": (
                "Арэнда ў Варшаве падаражэла на 12 працэнтаў: беларусы шукаюць пакоі ў прыгарадах"
            ),
            "lede": """
                Паводле аналізу аб’яў, сярэдні кошт арэнды аднапакаёвай кватэры ў Варшаве за год
                вырас на 12 працэнтаў. Беларусы, якія пераехалі ў 2020–2022 гадах і цяпер
                перападпісваюць дамовы, усё часцей выбіраюць прыгарады.

                У беларускіх чатах аб’яў пра «пакой для адной асобы» за год стала ўдвая больш.
            """,
            "caption": "Новы жылы квартал на ўскраіне Варшавы",
            "text": """
                Мы прагледзелі больш за тысячу аб’яў на адным з польскіх сайтаў нерухомасці.
                Аднапакаёвая кватэра ў межах горада ў сярэднім каштуе больш за 3300 злотых у месяц
                без камунальных плацяжоў. У Пясечне, Ломянках і Марках за тыя ж грошы можна зняць
                два пакоі.

                Пераезд у прыгарад — гэта яшчэ і дзве лішнія гадзіны на дарогу кожны дзень. Тым,
                хто з самай раніцы працуе на будоўлях і ў дастаўцы, электрычкі ўжо не падыходзяць,
                і некаторыя вяртаюцца ў горад, здымаючы пакой на дваіх з незнаёмымі людзьмі.
            """,
            "subheading": "Дзве гадзіны ў электрычцы",
            "quote": (
                (
                    "Калі я прыехала, мне здавалася, што гэта на паўгода. Цяпер я перападпісваю "
                    "ўжо трэцюю дамову і разумею, што нават асобны пакой — раскоша."
                ),
                "Вераніка, жыве ў Варшаве з 2021 года",
            ),
            "tags": ("Варшава", "жыллё", "эміграцыя"),
        },
    },
    {
        "section": "culture",
        "hours_ago": 140,
        "authors": ("burak",),
        "lead": ("stage", "reader"),
        "photo": ("collage", "reader"),
        "note": 3,
        "be": {
            "title": "Суботняя школа ў Беластоку: дзеці вучаць беларускую мову праз тэатр",
            "lede": """
                Каля шасцідзесяці дзяцей з беларускіх сем’яў кожную суботу прыходзяць у арандаваную
                залу ў цэнтры Беластока. Замест падручнікаў — казкі, лялькі і спектаклі, якія дзеці
                ставяць самі.

                Школу стварылі бацькі, якія заўважылі, што дзеці пачынаюць адказваць ім па-польску.
            """,
            "caption": "Заняткі ў суботняй школе",
            "text": """
                Настаўніцы школы — былыя выхавальніцы дзіцячых садкоў і адна настаўніца беларускай
                мовы з Гродна. Заробку ў іх няма: бацькі плацяць невялікі ўнёсак, з якога
                аплачваюцца арэнда і матэрыялы.

                Да канца навучальнага года кожная група рыхтуе спектакль. Малодшыя паказваюць казку
                пра рукавічку, старэйшыя ставяць сцэны з п’ес, якія самі пераказваюць сваімі
                словамі. Бацькі кажуць, што пасля рэпетыцый дзеці пачынаюць гаварыць па-беларуску і
                дома, хоць бы на некалькі дзён.
            """,
            "subheading": "Казка пра рукавічку",
            "quote": (
                (
                    "Мой сын ведае польскую лепш за мяне. А беларускую ён будзе ведаць, толькі "
                    "калі яна будзе звязаная з нечым вясёлым."
                ),
                "мама аднаго з вучняў",
            ),
            "tags": ("адукацыя", "Беласток", "беларуская мова"),
            "photo_caption": "Дэкарацыі да спектакля, якія дзеці зрабілі самі",
        },
        "ru": {
            "title": "Субботняя школа в Белостоке: дети учат белорусский язык через театр",
            "lede": """
                Около шестидесяти детей из белорусских семей каждую субботу приходят в арендованный
                зал в центре Белостока. Вместо учебников — сказки, куклы и спектакли, которые дети
                ставят сами.

                Школу создали родители, которые заметили, что дети начинают отвечать им по-польски.
            """,
            "caption": "Занятия в субботней школе",
            "text": """
                Учительницы школы — бывшие воспитательницы детских садов и одна учительница
                белорусского языка из Гродно. Зарплаты у них нет: родители платят небольшой взнос,
                из которого оплачиваются аренда и материалы.

                К концу учебного года каждая группа готовит спектакль. Младшие показывают сказку
                про рукавичку, старшие ставят сцены из пьес, которые сами пересказывают своими
                словами. Родители говорят, что после репетиций дети начинают говорить по-белорусски
                и дома, хотя бы несколько дней.
            """,
            "subheading": "Сказка про рукавичку",
            "quote": (
                (
                    "Мой сын знает польский лучше меня. А белорусский он будет знать, только если "
                    "тот будет связан с чем-то весёлым."
                ),
                "мама одного из учеников",
            ),
            "tags": ("образование", "Белосток", "белорусский язык"),
            "photo_caption": "Декорации к спектаклю, которые дети сделали сами",
        },
        "en": {
            "title": "A Saturday school in Białystok teaches children Belarusian through theatre",
            "lede": """
                Every Saturday about sixty children from Belarusian families come to a rented hall
                in the centre of Białystok. Instead of textbooks there are fairy tales, puppets and
                plays the children stage themselves.

                The school was founded by parents who noticed their children starting to answer
                them in Polish.
            """,
            "caption": "A lesson at the Saturday school",
            "text": """
                The teachers are former kindergarten staff and one Belarusian-language teacher from
                Hrodna. They are not paid a salary: parents pay a small fee that covers the rent
                and materials.

                By the end of the school year each group prepares a play. The youngest perform the
                folk tale of the mitten, while the older children stage scenes from plays they
                retell in their own words. Parents say that after rehearsals the children start
                speaking Belarusian at home too, if only for a few days.
            """,
            "subheading": "The tale of the mitten",
            "quote": (
                (
                    "My son knows Polish better than I do. He will only keep his Belarusian if it "
                    "is tied to something fun."
                ),
                "the mother of one of the pupils",
            ),
            "tags": ("education", "Białystok", "Belarusian language"),
            "photo_caption": "Sets for the play, made by the children themselves",
        },
    },
    {
        "section": "politics",
        "hours_ago": 150,
        "authors": ("dziamidava",),
        "lead": ("city", "pool"),
        "note": 2,
        "be": {
            "title": "Праваабаронцы: у жодзінскім СІЗА ў камерах на чатырох трымаюць па васьмёра",
            "lede": """
                Былыя вязні, якія нядаўна выйшлі з ізалятара ў Жодзіне, расказваюць пра
                перапоўненыя камеры і сон па чарзе. Праваабаронцы сабралі сведчанні дзевяці
                чалавек.

                Сваякі тых, хто застаецца ў ізалятары, скардзяцца, што перадачы з лекамі ідуць
                тыднямі.
            """,
            "caption": "Жодзіна. Ізалятар знаходзіцца ў прамысловай частцы горада",
            "text": """
                Паводле сведчанняў, у камерах, разлічаных на чатырох, трымаюць да васьмі чалавек.
                Нараў не хапае, таму частка вязняў спіць на падлозе на матрацах, якія ўдзень трэба
                скручваць. Прагулка — гадзіна ў дзень, і часам яе адмяняюць без тлумачэнняў.

                Асабліва цяжка, кажуць былыя вязні, пажылым людзям і тым, хто мае хранічныя
                хваробы. Лекі, якія перадаюць сваякі, трапляюць да вязняў з затрымкай у некалькі
                дзён, а чакаць прыёму ўрача можна тыдзень.
            """,
            "subheading": "Спаць па чарзе",
            "quote": (
                (
                    "Мы спалі па чарзе, па чатыры гадзіны. Горш за ўсё была не цеснота, а святло, "
                    "якое ў камеры не выключаюць ніколі."
                ),
                "былы вязень жодзінскага СІЗА",
            ),
            "tags": ("палітвязні", "Жодзіна", "турмы"),
        },
    },
    {
        "section": "climate",
        "hours_ago": 160,
        "authors": ("trusava",),
        "lead": ("field", "photo"),
        "note": 0,
        "be": {
            "title": "Пчаляры Гомельшчыны: мёду ўсё менш, а зімы ўсё цяплейшыя",
            "lede": """
                Пчаляры з Гомельскай вобласці расказваюць, што за апошнія пяць гадоў збор мёду на
                іх пасеках скараціўся ў сярэднім на трэць. Цёплыя зімы збіваюць пчол з рытму, а
                засухі збядняюць меданосныя ўгоддзі.

                Да таго ж усё больш палёў апрацоўваюць пестыцыдамі без папярэджання.
            """,
            "caption": "Пасека на ўскрайку поля пад Рэчыцай",
            "text": """
                Аляксандр трымае восемдзесят вулляў пад Рэчыцай. Калісьці, кажа ён, пчолы зімавалі
                спакойна, а цяпер у цёплыя тыдні сярод зімы вылятаюць з вулляў і гінуць, калі ўначы
                зноў ударае мароз. Вясной ён недалічваецца да пятай часткі сем’яў.

                Другая праблема — пестыцыды. Паводле закона, гаспадаркі павінны папярэджваць
                пчаляроў пра апрацоўку палёў за некалькі дзён, але на практыцы пра яе часта
                даведваюцца па мёртвых пчолах каля вулляў. Скардзіцца, кажуць пчаляры, бескарысна.
            """,
            "subheading": "Пчолы вылятаюць сярод зімы",
            "quote": (
                (
                    "Пчала — гэта градуснік. Яна раней за ўсіх адчувае, што клімат змяніўся. Мы "
                    "толькі лічым страты."
                ),
                "Аляксандр, пчаляр з-пад Рэчыцы",
            ),
            "tags": ("пчалярства", "Гомельская вобласць", "сельская гаспадарка"),
        },
    },
    {
        "section": "war",
        "hours_ago": 170,
        "authors": ("shyla",),
        "lead": ("forest", "pool"),
        "note": 2,
        "be": {
            "title": (
                "Праверка баявой гатоўнасці ля мяжы з Літвой: Міністэрства абароны абвясціла "
                "вучэнні"
            ),
            "lede": """
                Міністэрства абароны Беларусі абвясціла раптоўную праверку баявой гатоўнасці ў
                часцях, размешчаных у Гродзенскай вобласці. Паводле афіцыйнага паведамлення,
                вайскоўцы адпрацуюць «абарону дзяржаўнай мяжы».

                Літоўскі бок заявіў, што сочыць за сітуацыяй і не бачыць непасрэднай пагрозы.
            """,
            "caption": "Лес пад Астраўцом. На час вучэнняў сюды забаронены ўваход",
            "text": """
                Жыхары Астраўца і Смаргоні паведамляюць пра калоны вайсковых грузавікоў на дарогах
                і пра ажыўлены рух уначы. У некаторыя лясныя масівы на час вучэнняў забаронены
                ўваход — пра гэта папярэджваюць шыльды на ўзбочынах.

                Такія праверкі праводзяцца некалькі разоў на год, часта адначасова з вучэннямі НАТА
                ў суседніх краінах. Аналітыкі лічаць іх найперш палітычным сігналам: Мінск
                паказвае, што гатовы адказваць на ўзмацненне войскаў на ўсходнім флангу Альянсу.
            """,
            "subheading": "Зачыненыя лясы",
            "quote": (
                (
                    "На дарозе ў Смаргонь за паўгадзіны мяне абагналі дваццаць грузавікоў. "
                    "Астатні дзень было ціха, як заўсёды."
                ),
                "жыхар Смаргоні",
            ),
            "tags": ("вучэнні", "Гродзенская вобласць", "Літва"),
        },
    },
    {
        "section": "society",
        "hours_ago": 180,
        "authors": ("kaval",),
        "lead": ("field", "reader"),
        "note": 0,
        "be": {
            "title": "Пенсіянеркі з Баранавічаў наладзілі абмен насеннем праз мясцовую бібліятэку",
            "lede": """
                У адной з бібліятэк Баранавічаў працуе «насенная паліца»: жыхары прыносяць насенне
                са сваіх агародаў і забіраюць тое, чаго ў іх няма. За паўгода праз паліцу прайшло
                больш за семсот пакецікаў.

                Ідэю прыдумалі дзве пенсіянеркі — былая аграномка і былая бібліятэкарка.
            """,
            "caption": "Агарод адной з удзельніц абмену",
            "text": """
                Насенне раскладзена ў бляшаныя скрынкі з-пад печыва: памідоры асобна, фасоля
                асобна, кветкі — у самай вялікай. На кожным пакеціку — імя гаспадыні, год збору і
                кароткі запіс: «салодкія, але баяцца дажджу», «бабуліны, з Косава».

                Бібліятэка стала не толькі месцам абмену. Па чацвяргах тут збіраюцца пагаварыць пра
                агарод, а насамрэч — пра ўсё на свеце. Многія ўдзельніцы жывуць адны: дзеці з’ехалі
                ў Мінск, у Польшчу ці далей.
            """,
            "subheading": "Памідоры «з Косава»",
            "quote": (
                "Насенне — як плёткі: кожны прыносіць сваё і забірае чужое. Толькі карысці больш.",
                "Ніна, былая аграномка",
            ),
            "tags": ("Баранавічы", "бібліятэкі", "пенсіянеры"),
        },
    },
    {
        "section": "culture",
        "hours_ago": 185,
        "authors": ("burak",),
        "lead": ("collage", "illustration"),
        "note": 1,
        "be": {
            "title": "Паэтка Ала Савіцкая выдала зборнік вершаў, напісаных у эміграцыі",
            "lede": """
                Кніга «Пашпарт без старонак» складаецца з 64 вершаў, напісаных у Вільні, Тбілісі і
                Берліне за чатыры гады. Гэта трэці зборнік паэткі і першы, які выйшаў не ў
                Беларусі.

                Прэзентацыя пройдзе ў беларускай кнігарні ў Вільні.
            """,
            "caption": "Вокладка кнігі «Пашпарт без старонак»",
            "text": """
                Да 2021 года Ала Савіцкая выкладала літаратуру ў мінскім каледжы і выдала два
                зборнікі ў дзяржаўным выдавецтве. Абодва цяпер прыбраныя з бібліятэк. Новую кнігу
                яна называе «дзённікам без дат»: вершы размешчаныя не ў храналагічным парадку, а па
                гарадах.

                Крытыкі адзначаюць, што Савіцкая амаль не піша пра палітыку наўпрост. Яе вершы —
                пра кухні чужых кватэр, пра мовы, якія даводзіцца вучыць у сорак гадоў, пра тое, як
                прызвычаіцца да ўласнага акцэнту.
            """,
            "subheading": "Дзённік без дат",
            "quote": (
                (
                    "Я доўга думала, што эміграцыя — гэта пра страту. А потым зразумела, што гэта "
                    "яшчэ і пра тое, колькі можна панесці з сабой у адным заплечніку."
                ),
                "Ала Савіцкая",
            ),
            "tags": ("паэзія", "кнігі", "Вільня"),
        },
    },
    {
        "section": "climate",
        "hours_ago": 195,
        "authors": ("trusava",),
        "lead": ("forest", "photo"),
        "note": 1,
        "be": {
            "title": "Пажарныя Палескага запаведніка атрымалі дроны з цеплавізарамі",
            "lede": """
                Пажарная служба Палескага радыяцыйна-экалагічнага запаведніка атрымала пяць
                беспілотнікаў з цеплавізарамі. Яны павінны дапамагаць знаходзіць тленне торфу і
                падпалы ў зоне адчужэння.

                Пажары ў забруджанай зоне небяспечныя яшчэ і тым, што з дымам могуць разносіцца
                радыенукліды.
            """,
            "caption": "Лес у зоне адчужэння",
            "text": """
                Раней пажары ў запаведніку шукалі з назіральных вышак і наземнымі патрулямі. У зоне
                адчужэння шмат закінутых вёсак і зарослых палёў, а дарогі месцамі даўно зніклі пад
                хмызняком, таму патруль мог дабірацца да агню гадзінамі.

                Эксперты адзначаюць, што дроны вырашаюць толькі частку праблемы. Клімат на Палессі
                становіцца больш сухім, і ўсё больш пажараў пачынаецца з тлення ў глыбіні торфу,
                якое можа цягнуцца тыднямі. Тушыць такія пажары можна толькі вялікай колькасцю
                вады, а яе не хапае.
            """,
            "subheading": "Пажары пад зямлёй",
            "quote": (
                (
                    "Дрон бачыць гарачую пляму, пакуль дыму яшчэ няма. Для нас гэта розніца паміж "
                    "адным гектарам і сотняй."
                ),
                "супрацоўнік пажарнай службы запаведніка",
            ),
            "tags": ("пажары", "Палессе", "Чарнобыль"),
        },
    },
    {
        "section": "politics",
        "hours_ago": 200,
        "authors": ("zhuk",),
        "lead": ("collage", "collage"),
        "note": 2,
        "be": {
            "title": (
                "Новы пакет санкцый ЕС: што ён азначае для беларускіх экспарцёраў калію і драўніны"
            ),
            "lede": """
                Еўрасаюз узгадняе чарговы пакет санкцый, які ўпершыню закране транзіт беларускіх
                угнаенняў праз трэція краіны і пашырыць забарону на ўвоз драўніны. Эканамісты
                ацэньваюць магчымыя страты ў сотні мільёнаў долараў за год.

                Мінск ужо заявіў, што знойдзе «альтэрнатыўныя рынкі».
            """,
            "caption": "Калаж рэдакцыі: экспарт калію і лесу",
            "text": """
                З 2022 года асноўны экспарт беларускага калію ідзе праз расійскія парты і чыгунку ў
                Кітай. Новыя абмежаванні, паводле праекта, датычацца кампаній з ЕС, якія займаюцца
                страхаваннем і фрахтам такіх грузаў. Гэта можа зрабіць перавозкі даражэйшымі.

                З драўнінай сітуацыя іншая: прамы экспарт у ЕС забаронены даўно, але частка
                беларускага лесу трапляе туды праз пасярэднікаў у іншых краінах. Еўракамісія хоча
                абавязаць імпарцёраў даказваць паходжанне сыравіны.
            """,
            "subheading": "Шлях праз пасярэднікаў",
            "quote": (
                (
                    "Санкцыі не спыняюць экспарт, але робяць яго даражэйшым і даўжэйшым. Пытанне "
                    "ў тым, хто ў выніку за гэта плаціць — бюджэт ці работнікі."
                ),
                "Сяргей Мароз, эканаміст",
            ),
            "tags": ("санкцыі", "эканоміка", "Еўрасаюз"),
        },
    },
    {
        "section": "war",
        "hours_ago": 215,
        "authors": ("shyla", "kaval"),
        "lead": ("city", "photo"),
        "note": 3,
        "be": {
            "title": "Банкі абмежавалі пераводы ва Украіну: як беларусы дапамагаюць сваякам",
            "lede": """
                Беларускія банкі фактычна спынілі пераводы фізічных асоб ва Украіну, а сістэмы
                грашовых пераводаў працуюць з перабоямі. Тыя, у каго там сваякі, шукаюць абыходныя
                шляхі.

                Кожны з іх мае свае рызыкі.
            """,
            "caption": (
                "Гомель. Адсюль да Чарнігава — менш за сто кіламетраў, але прамой дарогі цяпер няма"
            ),
            "text": """
                Галіна з Гомеля кожны месяц адпраўляла грошы сястры ў Чарнігаў. Цяпер яна перадае
                наяўныя праз знаёмых, якія ездзяць праз Польшчу, або просіць дачку ў Літве зрабіць
                перавод са свайго рахунку. «Гэта як у дзевяностыя: усё праз людзей і ўсё на
                даверы», — кажа яна.

                Юрысты папярэджваюць, што любы перавод з Беларусі ва Украіну цяпер можа прыцягнуць
                увагу сілавікоў, асабліва калі атрымальнік — мужчына прызыўнога ўзросту. Былі
                выпадкі, калі такія пераводы станавіліся падставай для праверкі па артыкуле пра
                «садзейнічанне экстрэмісцкай дзейнасці».
            """,
            "subheading": "«Як у дзевяностыя»",
            "quote": (
                (
                    "Я не магу не дапамагаць сястры. Але кожны раз, калі аддаю канверт, думаю, "
                    "каму яшчэ давядзецца тлумачыць, што там проста грошы на лекі."
                ),
                "Галіна, жыхарка Гомеля",
            ),
            "tags": ("Украіна", "банкі", "сваякі"),
        },
    },
    {
        "section": "climate",
        "hours_ago": 222,
        "authors": ("trusava",),
        "lead": ("field", "photo"),
        "note": 0,
        "be": {
            "title": "Цёплыя зімы ламаюць каляндар: аграномы раяць садаводам іншыя гатункі яблынь",
            "lede": """
                Пасля некалькіх цёплых зім з познімі замаразкамі садаводы на поўначы і ў цэнтры
                Беларусі губляюць прыкметную частку ўраджаю яблыкаў. Аграномы раяць пераходзіць на
                гатункі, якія пазней зацвітаюць.

                Старыя антонаўкі, кажуць яны, у некаторых раёнах ужо не апраўдваюць сябе.
            """,
            "caption": "Сад пад Віцебскам",
            "text": """
                Праблема не ў холадзе як такім. Цёплы люты або сакавік будзіць дрэвы раней, яны
                пачынаюць расці, а потым прыходзіць звычайны красавіцкі мароз і забівае завязі.
                Раней, калі вясна прыходзіла своечасова, яблыні проста не паспявалі прачнуцца да
                замаразкаў.

                Садаводам раяць выбіраць гатункі з пазнейшым цвіценнем, укрываць маладыя дрэвы ў
                халодныя ночы і не спяшацца з абразаннем. Вялікім садам — ставіць сістэмы абароны
                ад замаразкаў, але для фермераў гэта дорага.
            """,
            "subheading": "Красавіцкі мароз пасля цёплага лютага",
            "quote": (
                (
                    "Мая бабуля вызначала час пасадкі па бярозе. Цяпер і бяроза, здаецца, сама не "
                    "ведае, калі ёй распускацца."
                ),
                "садаводка з-пад Віцебска",
            ),
            "tags": ("сады", "клімат", "сельская гаспадарка"),
        },
    },
    {
        "section": "society",
        "hours_ago": 228,
        "authors": ("kaval",),
        "lead": ("city", "photo"),
        "note": 3,
        "be": {
            "title": "Платныя паркоўкі каля метро: мінчукі скардзяцца на новыя правілы",
            "lede": """
                У Мінску пашырылі зону платнага паркавання на пляцоўкі каля ўсіх станцый метро на
                ўскраінах. Цяпер пакінуць машыну на дзень і паехаць у цэнтр на метро каштуе амаль
                столькі ж, колькі паездка на таксі.

                У гарадской адміністрацыі кажуць, што хочуць вызваліць месцы для тых, хто прыязджае
                ненадоўга.
            """,
            "caption": "Пляцоўка каля адной са станцый метро на ўскраіне Мінска",
            "text": """
                Мы праехалі па дзесяці станцыях на ўскраінах горада. На пяці з іх каля ўваходу ўжо
                стаяць новыя паркаматы, а першыя дзве гадзіны бясплатныя толькі праз мабільны
                дадатак. Жыхары навакольных дамоў кажуць, што машыны цяпер ставяць у дварах, дзе і
                так не хапае месцаў.

                Транспартныя эксперты лічаць, што сама ідэя правільная, але без зручных аўтобусаў з
                прыгарадаў яна не працуе. Людзі з Мінскага раёна, якія раней даязджалі на машыне да
                метро, цяпер або едуць у цэнтр на машыне, або шукаюць бясплатныя месцы ў суседніх
                кварталах.
            """,
            "subheading": "Машыны перабраліся ў двары",
            "quote": (
                (
                    "Я не супраць плаціць. Я супраць таго, што мне не пакінулі выбару: аўтобуса з "
                    "нашай вёскі да метро проста няма."
                ),
                "жыхар Мінскага раёна",
            ),
            "tags": ("Мінск", "транспарт", "горад"),
        },
    },
    {
        "section": "culture",
        "hours_ago": 232,
        "authors": ("burak",),
        "lead": ("collage", "photo"),
        "gallery": (("collage", "collage", "collage", "collage"), "photo"),
        "note": 3,
        "be": {
            "title": "Тры сям’і на ўвесь горад: як у Барысаве захоўваюць рамяство габелена",
            "lede": """
                У Барысаве засталося тры сям’і, якія ўсё яшчэ ткуць габелены на ручных кроснах.
                Адзін габелен памерам з дзверы займае да трох месяцаў працы.

                Майстры кажуць, што заказы цяпер прыходзяць у асноўным з-за мяжы.
            """,
            "caption": "Фрагмент габелена з краявідам",
            "text": """
                Кросны ў кватэры Ганны і Міхася Лапацкіх займаюць палову пакоя. Ганна ткала з
                дзевятнаццаці гадоў, калі прыйшла на мясцовы камбінат, а пасля яго закрыцця забрала
                адны кросны дадому. Цяпер яна вучыць унучку, якая вучыцца на дызайнерку.

                Галоўныя заказчыкі — беларусы за мяжой, якія хочуць мець дома нешта «адтуль».
                Часцей за ўсё замаўляюць краявіды: рэчку, лугі, лес. Адзін заказчык з Канады
                папрасіў выткаць па старой фатаграфіі двор дома, дзе ён вырас.
            """,
            "subheading": "Краявід па старой фатаграфіі",
            "quote": (
                (
                    "Габелен — гэта павольна. У свеце, дзе ўсё хутка, людзі гатовыя чакаць тры "
                    "месяцы, каб мець на сцяне нешта, што не знікне."
                ),
                "Ганна Лапацкая, майстрыха",
            ),
            "tags": ("рамёствы", "Барысаў", "габелен"),
            "gallery_captions": (
                "Кросны займаюць палову пакоя",
                "Ніткі падбіраюць па колеры цэлы дзень",
                "Фрагмент незавершанага габелена",
                "Гатовая праца перад адпраўкай",
            ),
            "gallery_caption": "Майстэрня Лапацкіх у Барысаве",
        },
    },
]


# What each drawn demo picture shows, for readers who cannot see it: the alt text of every
# demo image with that motif (newsroom.demo.images draws them).
MOTIF_ALT = {
    "city": {
        "be": "Высокія дамы з асветленымі вокнамі на фоне сіняга вячэрняга неба",
        "ru": "Высокие дома с освещёнными окнами на фоне синего вечернего неба",
        "en": "Tall buildings with lit windows against a blue evening sky",
    },
    "river": {
        "be": "Спакойная вада, у якой адбіваецца ружовы захад, і цёмная палоса дрэў на тым беразе",
        "ru": "Тихая вода, в ней отражается закат, и тёмные деревья на дальнем берегу",
        "en": "Still water reflecting a pink sunset, with a dark line of trees on the far bank",
    },
    "forest": {
        "be": "Цёмныя елкі стаяць сцяной, і над імі шэрае неба",
        "ru": "Тёмные ели стоят стеной, а над ними серое небо",
        "en": "A dense wall of dark fir trees under a grey sky",
    },
    "field": {
        "be": "Ворнае поле з баразнамі, што ідуць да гарызонту пад цёмным небам",
        "ru": "Вспаханное поле с бороздами до самого горизонта под тёмным небом",
        "en": "A ploughed field with furrows running to the horizon under a dark sky",
    },
    "road": {
        "be": "Дарога ў прыцемку: чырвоныя агні машын, ліхтары ўздоўж узбочыны, коміны ўдалечыні",
        "ru": "Дорога в сумерках: красные огни машин, фонари вдоль обочины и трубы на горизонте",
        "en": "A road at dusk: red tail lights, lamps along the verge and chimneys on the horizon",
    },
    "stage": {
        "be": "Два промні пражэктараў на цёмнай сцэне, у адным стаіць адзінокая постаць",
        "ru": "Два луча прожекторов на тёмной сцене, в одном стоит одинокая фигура",
        "en": "Two spotlights on a dark stage, with a lone figure standing in one of them",
    },
    "collage": {
        "be": "Калаж з чырвоных і шэрых кругоў і светлых палос",
        "ru": "Коллаж из красных и серых кругов и светлых полос",
        "en": "A collage of red and grey circles and pale strips",
    },
}

# Russian and English captions for the photos of stories published in Belarusian only:
# a photo is kept in the library and may be used by any edition later.
PHOTO_CAPTIONS = {
    "«Бабуліны стол» выйшаў накладам тры тысячы асобнікаў": (
        "Тираж «Бабушкиного стола» — три тысячи экземпляров",
        "Granny’s Table came out in a print run of three thousand copies",
    ),
    "Спальны раён Магілёва": ("Спальный район Могилёва", "A residential district of Mahilioŭ"),
    "Узор слуцкага пояса ў экспазіцыі": (
        "Узор слуцкого пояса в экспозиции",
        "The pattern of a Slutsk sash on display",
    ),
    "Фрагмент пояса з залатой ніткай": (
        "Фрагмент пояса с золотой нитью",
        "A piece of a sash woven with gold thread",
    ),
    "Канцы пояса з кветкавым арнаментам": (
        "Концы пояса с цветочным орнаментом",
        "The ends of a sash with a floral pattern",
    ),
    "Кляймо мануфактуры": ("Клеймо мануфактуры", "The workshop’s mark"),
    "Капусныя палі пад Мінскам. Ураджай тут быў ніжэйшы за звычайны": (
        "Капустные поля под Минском. Урожай здесь был ниже обычного",
        "Cabbage fields near Minsk, where the harvest was smaller than usual",
    ),
    "Стары горад у Вільні, дзе жыве значная частка беларускай дыяспары": (
        "Старый город в Вильнюсе, где живёт значительная часть белорусской диаспоры",
        "The old town of Vilnius, home to many Belarusians abroad",
    ),
    "Адноўленае балота ў Пінскім раёне": (
        "Восстановленное болото в Пинском районе",
        "A restored bog in the Pinsk district",
    ),
    "Перамычка на былым меліярацыйным канале": (
        "Перемычка на бывшем мелиоративном канале",
        "A dam across a former drainage canal",
    ),
    "Участак, дзе зноў стаіць вада": (
        "Участок, где снова стоит вода",
        "Land where water stands again",
    ),
    "Лес на краі балота": ("Лес на краю болота", "Woods at the edge of the bog"),
    "Колькасць спраў за данаты расце з кожным годам": (
        "Количество дел за донаты растёт с каждым годом",
        "Cases over donations grow in number every year",
    ),
    "Пераезд на Гомельшчыне ўначы": (
        "Переезд на Гомельщине ночью",
        "A level crossing in the Homieĺ region at night",
    ),
    "Чыгунка на Гомельшчыне. Здымак зроблены з акна цягніка": (
        "Железная дорога на Гомельщине. Снимок сделан из окна поезда",
        "The railway in the Homieĺ region, seen from a train window",
    ),
    "«Лапікі» на канцэрце ў Рызе": ("«Лапики» на концерте в Риге", "Lapiki in concert in Riga"),
    "Школьны двор у Гомелі": ("Школьный двор в Гомеле", "A school yard in Homieĺ"),
    "Нарач. Калісьці дно тут было відаць на глыбіні пяці метраў": (
        "Нарочь. Когда-то дно здесь было видно на глубине пяти метров",
        "Lake Narach, where the bottom could once be seen five metres down",
    ),
    "Мазыр увечары": ("Мозырь вечером", "Mazyr in the evening"),
    "Офісны квартал у Варшаве, дзе працуюць многія беларускія айцішнікі": (
        "Офисный квартал в Варшаве, где работают многие белорусские айтишники",
        "An office district in Warsaw where many Belarusian programmers work",
    ),
    "Зала кінатэатра перад адкрыццём фестывалю": (
        "Зал кинотеатра перед открытием фестиваля",
        "The cinema hall before the festival opens",
    ),
    "Віцебск. Пра выбары тут нагадваюць толькі спісы выбаршчыкаў на пад’ездах": (
        "Витебск. О выборах здесь напоминают только списки избирателей на подъездах",
        "Viciebsk, where only the voter lists on the doors of blocks of flats recall the election",
    ),
    "Новы жылы квартал на ўскраіне Варшавы": (
        "Новый жилой квартал на окраине Варшавы",
        "A new housing estate on the edge of Warsaw",
    ),
    "Жодзіна. Ізалятар знаходзіцца ў прамысловай частцы горада": (
        "Жодино. Изолятор находится в промышленной части города",
        "Zhodzina, where the detention centre stands in the industrial part of town",
    ),
    "Пасека на ўскрайку поля пад Рэчыцай": (
        "Пасека на краю поля под Речицей",
        "Beehives at the edge of a field near Rečyca",
    ),
    "Лес пад Астраўцом. На час вучэнняў сюды забаронены ўваход": (
        "Лес под Островцом. На время учений сюда запрещён вход",
        "Woods near Astraviec, closed to the public during the exercises",
    ),
    "Агарод адной з удзельніц абмену": (
        "Огород одной из участниц обмена",
        "The vegetable garden of one of the women taking part in the swap",
    ),
    "Вокладка кнігі «Пашпарт без старонак»": (
        "Обложка книги «Паспорт без страниц»",
        "The cover of A Passport Without Pages",
    ),
    "Лес у зоне адчужэння": ("Лес в зоне отчуждения", "Woods in the exclusion zone"),
    "Калаж рэдакцыі: экспарт калію і лесу": (
        "Коллаж редакции: экспорт калия и леса",
        "Newsroom collage: exports of potash and timber",
    ),
    "Гомель. Адсюль да Чарнігава — менш за сто кіламетраў, але прамой дарогі цяпер няма": (
        "Гомель. Отсюда до Чернигова меньше ста километров, но прямой дороги теперь нет",
        "Homieĺ: Chernihiv is less than a hundred kilometres away, but there is no direct road now",
    ),
    "Сад пад Віцебскам": ("Сад под Витебском", "An orchard near Viciebsk"),
    "Пляцоўка каля адной са станцый метро на ўскраіне Мінска": (
        "Площадка у одной из станций метро на окраине Минска",
        "A square by a metro station on the outskirts of Minsk",
    ),
    "Фрагмент габелена з краявідам": (
        "Фрагмент гобелена с пейзажем",
        "Part of a tapestry showing a landscape",
    ),
    "Кросны займаюць палову пакоя": (
        "Ткацкий станок занимает полкомнаты",
        "The loom takes up half the room",
    ),
    "Ніткі падбіраюць па колеры цэлы дзень": (
        "Нити подбирают по цвету целый день",
        "Matching the threads by colour takes a whole day",
    ),
    "Фрагмент незавершанага габелена": (
        "Фрагмент незавершённого гобелена",
        "Part of an unfinished tapestry",
    ),
    "Гатовая праца перад адпраўкай": (
        "Готовая работа перед отправкой",
        "A finished piece before it is sent off",
    ),
}

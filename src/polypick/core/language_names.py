"""Language names as instructions write them, and the instructions that name an output language.

:data:`NAMES` maps a lower-case name — English, the language's own name, and the forms the
instruction languages of :func:`requested_in` use ("Deutsch", "ins Englische", "anglais", "inglés",
"английский", "中文", "英語", "영어") — to its code; :func:`requested_in` finds the instructions
that name one.
"""

from __future__ import annotations

import re

__all__ = ["ENGLISH_NAMES", "NAMES", "requested_in"]

# code: names, in any of the instruction languages (case-insensitive; stems where a language
# inflects, matched as prefixes of a word by the patterns below)
_BY_CODE: dict[str, tuple[str, ...]] = {
    "af": ("afrikaans",),
    "am": ("amharic",),
    "ar": (
        "arabic",
        "العربية",
        "arabisch",
        "arabe",
        "árabe",
        "arabo",
        "арабск",
        "阿拉伯语",
        "アラビア語",
        "아랍어",
    ),
    "az": ("azerbaijani", "azeri"),
    "be": ("belarusian", "беларуск", "белорусск"),
    "bg": ("bulgarian", "български", "болгарск", "bulgarisch", "bulgare", "búlgaro"),
    "bn": ("bengali", "bangla", "বাংলা"),
    "bs": ("bosnian",),
    "ca": ("catalan", "català", "catalán", "katalanisch"),
    "cs": (
        "czech",
        "čeština",
        "češtin",
        "česk",
        "tschechisch",
        "tchèque",
        "checo",
        "ceco",
        "tsjechisch",
        "чешск",
        "捷克语",
        "チェコ語",
        "체코어",
    ),
    "cy": ("welsh", "cymraeg"),
    "da": ("danish", "dansk", "dänisch", "danois", "danés"),
    "de": (
        "german",
        "deutsch",
        "deutsche",
        "allemand",
        "alemán",
        "alemão",
        "tedesco",
        "duits",
        "немецк",
        "німецьк",
        "niemieck",
        "němčin",
        "německ",
        "德语",
        "德文",
        "ドイツ語",
        "독일어",
    ),
    "el": (
        "greek",
        "ελληνικά",
        "griechisch",
        "grec",
        "griego",
        "grego",
        "greco",
        "grieks",
        "греческ",
        "希腊语",
        "ギリシャ語",
        "그리스어",
    ),
    "en": (
        "english",
        "englisch",
        "englische",
        "anglais",
        "inglés",
        "inglês",
        "inglese",
        "engels",
        "английск",
        "англійськ",
        "angielsk",
        "angličtin",
        "anglick",
        "英语",
        "英文",
        "英語",
        "영어",
    ),
    "es": (
        "spanish",
        "español",
        "castellano",
        "spanisch",
        "espagnol",
        "espanhol",
        "spagnolo",
        "spaans",
        "испанск",
        "іспанськ",
        "hiszpańsk",
        "španělštin",
        "西班牙语",
        "西班牙文",
        "スペイン語",
        "스페인어",
    ),
    "et": ("estonian", "eesti"),
    "eu": ("basque", "euskara"),
    "fa": (
        "persian",
        "farsi",
        "فارسی",
        "persisch",
        "persan",
        "persa",
        "персидск",
        "波斯语",
        "ペルシャ語",
        "페르시아어",
    ),
    "fi": (
        "finnish",
        "suomi",
        "finnisch",
        "finnois",
        "finlandés",
        "финск",
        "芬兰语",
        "フィンランド語",
        "핀란드어",
    ),
    "fr": (
        "french",
        "français",
        "francais",
        "französisch",
        "französische",
        "francés",
        "francês",
        "francese",
        "frans",
        "французск",
        "французьк",
        "francusk",
        "francouzštin",
        "法语",
        "法文",
        "フランス語",
        "프랑스어",
    ),
    "ga": ("irish", "gaeilge"),
    "gl": ("galician", "galego"),
    "gu": ("gujarati",),
    "he": (
        "hebrew",
        "עברית",
        "hebräisch",
        "hébreu",
        "hebreo",
        "hebraico",
        "ebraico",
        "иврит",
        "希伯来语",
        "ヘブライ語",
        "히브리어",
    ),
    "hi": ("hindi", "हिंदी", "हिन्दी", "хинди", "印地语", "ヒンディー語", "힌디어"),
    "hr": ("croatian", "hrvatski", "kroatisch", "croate", "croata"),
    "hu": ("hungarian", "magyar", "ungarisch", "hongrois", "húngaro", "венгерск"),
    "hy": ("armenian",),
    "id": (
        "indonesian",
        "bahasa indonesia",
        "indonesisch",
        "indonésien",
        "indonesio",
        "индонезийск",
        "印尼语",
        "印度尼西亚语",
        "インドネシア語",
        "인도네시아어",
    ),
    "is": (
        "icelandic",
        "íslenska",
        "isländisch",
        "islandais",
        "islandés",
        "islandese",
        "исландск",
        "冰岛语",
        "アイスランド語",
        "아이슬란드어",
    ),
    "it": (
        "italian",
        "italiano",
        "italienisch",
        "italien",
        "italiaans",
        "итальянск",
        "італійськ",
        "włosk",
        "italštin",
        "意大利语",
        "イタリア語",
        "이탈리아어",
    ),
    "ja": (
        "japanese",
        "日本語",
        "japanisch",
        "japonais",
        "japonés",
        "japonês",
        "giapponese",
        "japans",
        "японск",
        "японськ",
        "japońsk",
        "japonštin",
        "日语",
        "日文",
        "일본어",
    ),
    "ka": ("georgian",),
    "kk": ("kazakh",),
    "km": ("khmer",),
    "kn": ("kannada",),
    "ko": (
        "korean",
        "한국어",
        "koreanisch",
        "coréen",
        "coreano",
        "koreaans",
        "корейск",
        "корейськ",
        "koreańsk",
        "korejštin",
        "韩语",
        "韓語",
        "韩文",
        "韓国語",
        "朝鮮語",
    ),
    "lt": ("lithuanian", "lietuvių"),
    "lv": ("latvian", "latviešu"),
    "mk": ("macedonian",),
    "ml": ("malayalam",),
    "mr": ("marathi", "मराठी"),
    "ms": ("malay", "bahasa melayu"),
    "my": ("burmese",),
    "ne": ("nepali",),
    "nl": (
        "dutch",
        "nederlands",
        "niederländisch",
        "néerlandais",
        "holandés",
        "holandês",
        "olandese",
        "нидерландск",
        "голландск",
        "荷兰语",
        "オランダ語",
        "네덜란드어",
    ),
    "no": ("norwegian", "norsk", "norwegisch", "norvégien", "noruego"),
    "pa": ("punjabi",),
    "pl": (
        "polish",
        "polski",
        "polnisch",
        "polonais",
        "polaco",
        "polacco",
        "pools",
        "польск",
        "польськ",
        "polsk",
        "polštin",
        "波兰语",
        "ポーランド語",
        "폴란드어",
    ),
    "ps": ("pashto",),
    "pt": (
        "portuguese",
        "português",
        "portugiesisch",
        "portugais",
        "portugués",
        "portoghese",
        "portugees",
        "португальск",
        "португальськ",
        "portugalsk",
        "portugalštin",
        "葡萄牙语",
        "ポルトガル語",
        "포르투갈어",
    ),
    "ro": (
        "romanian",
        "română",
        "rumänisch",
        "roumain",
        "rumano",
        "romeno",
        "rumeno",
        "румынск",
        "罗马尼亚语",
        "ルーマニア語",
        "루마니아어",
    ),
    "ru": (
        "russian",
        "русск",
        "russisch",
        "russische",
        "russe",
        "ruso",
        "russo",
        "russisch",
        "російськ",
        "rosyjsk",
        "ruštin",
        "rusk",
        "俄语",
        "俄文",
        "ロシア語",
        "러시아어",
    ),
    "sk": ("slovak", "slovenčin", "slowakisch", "slovaque", "eslovaco"),
    "sl": ("slovenian", "slovene", "slovenščin", "slowenisch", "slovène", "esloveno"),
    "sq": ("albanian", "shqip"),
    "sr": ("serbian", "српски", "srpski", "serbisch", "serbe", "serbio", "сербск"),
    "sv": (
        "swedish",
        "svenska",
        "schwedisch",
        "suédois",
        "sueco",
        "svedese",
        "zweeds",
        "шведск",
        "瑞典语",
        "スウェーデン語",
        "스웨덴어",
    ),
    "sw": ("swahili", "kiswahili", "suaheli", "суахили", "斯瓦希里语", "スワヒリ語", "스와힐리어"),
    "ta": ("tamil", "தமிழ்"),
    "te": ("telugu", "తెలుగు"),
    "th": (
        "thai",
        "ภาษาไทย",
        "thailändisch",
        "thaï",
        "tailandés",
        "тайск",
        "泰语",
        "タイ語",
        "태국어",
    ),
    "tl": ("tagalog", "filipino"),
    "tr": (
        "turkish",
        "türkçe",
        "türkisch",
        "turc",
        "turco",
        "turks",
        "турецк",
        "турецьк",
        "turecki",
        "turečtin",
        "土耳其语",
        "トルコ語",
        "터키어",
        "튀르키예어",
    ),
    "uk": (
        "ukrainian",
        "українськ",
        "ukrainisch",
        "ukrainien",
        "ucraniano",
        "ucraino",
        "oekraïens",
        "украинск",
        "ukraińsk",
        "ukrajinštin",
        "乌克兰语",
        "ウクライナ語",
        "우크라이나어",
    ),
    "ur": ("urdu", "اردو"),
    "uz": ("uzbek",),
    "vi": (
        "vietnamese",
        "tiếng việt",
        "vietnamesisch",
        "vietnamien",
        "vietnamita",
        "вьетнамск",
        "越南语",
        "ベトナム語",
        "베트남어",
    ),
    "zh": (
        "chinese",
        "mandarin",
        "中文",
        "汉语",
        "漢語",
        "华语",
        "简体中文",
        "繁體中文",
        "chinesisch",
        "chinois",
        "chino",
        "chinês",
        "cinese",
        "chinees",
        "китайск",
        "китайськ",
        "chińsk",
        "čínštin",
        "中国語",
        "중국어",
    ),
    "zu": ("zulu", "isizulu"),
}

NAMES: dict[str, str] = {name: code for code, names in _BY_CODE.items() for name in names}
"""Lower-case language name (or stem) -> code."""
ENGLISH_NAMES = frozenset(names[0] for names in _BY_CODE.values()) | {"mandarin", "farsi"}
"""The English names: a phrasing in another language ("en", "do") never takes one, so that
"Do Spanish people…" names nothing."""

_CJK = re.compile(r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_WORD = re.compile(r"\w+")
# the phrasings, as what must stand right before (or after) the name
_ENGLISH_BEFORE = re.compile(
    r"(?:\b(?:translat\w*|render|answer|respond|reply|write|speak|talk)\b[^.?!\n]{0,60}?"
    r"\b(?:in|into|to)|\binto)\s+(?:the\s+)?$"
)
_IN_BEFORE = re.compile(r"\bin\s+$")  # "in Korean only"
_ONLY_AFTER = re.compile(r"^\s+only\b")
_OTHER_BEFORE = re.compile(
    r"(?:\b(?:auf|ins)"  # German: "auf Deutsch", "ins Englische"
    r"|\b(?:en|al|in|para\s+o|para\s+el)"  # Romance: "en français", "al inglés", "in inglese"
    r"|\b(?:in|naar)\s+het"  # Dutch: "in het Engels"
    r"|(?:^|\s)(?:на|по|na|po|do))\s+$"  # Slavic: "на русском", "po polsku", "do češtiny"
    r"|\b(?:vers|verso)\s+l'$"
)
# Chinese: "用中文回答", "翻译成英文"; Japanese: "日本語で"; Korean: "한국어로"
_CJK_BEFORE = re.compile(r"(?:用|以|翻译成|翻譯成|译成|譯成|翻译为|翻譯為|译为|譯為)\s*$")
_CJK_AFTER = re.compile(r"^\s*(?:で|に|로|으로)")

_CJK_NAMES = tuple(n for n in NAMES if _CJK.search(n))
_PHRASES = tuple(n for n in NAMES if " " in n)
_WORDS = {n: c for n, c in NAMES.items() if n not in _CJK_NAMES and n not in _PHRASES}
_CJK_FIRST: dict[str, list[str]] = {}  # first character -> CJK names
for _name in _CJK_NAMES:
    _CJK_FIRST.setdefault(_name[0], []).append(_name)
_STEMS: dict[str, list[str]] = {}  # first four letters -> names that may take an ending
for _name in _WORDS:
    if _name not in ENGLISH_NAMES and len(_name) >= 4:
        _STEMS.setdefault(_name[:4], []).append(_name)


def requested_in(text: str) -> list[tuple[int, str]]:
    """Every instruction in ``text`` that names an output language: (position, code).

    Names are found by a word scan (a stem takes its ending: "английск" + "ий", "němčin" + "y")
    and a search for the CJK and several-word names; then what stands around a name decides
    whether it is an instruction. An English name needs an English phrasing (a verb of
    producing and "in"/"into"/"to", "into X", "in X only"), so "What is 'dog' in French?" and
    "Do Spanish people…" name nothing.
    """
    lower = text.lower()
    found = []
    for start, end, name in _occurrences(lower):
        before, after = lower[max(0, start - 80) : start], lower[end : end + 12]
        if name in _CJK_NAMES:
            ok = bool(_CJK_BEFORE.search(before) or _CJK_AFTER.search(after))
        elif name in ENGLISH_NAMES:
            ok = bool(
                _ENGLISH_BEFORE.search(before)
                or (_IN_BEFORE.search(before) and _ONLY_AFTER.search(after))
            )
        else:
            ok = bool(_OTHER_BEFORE.search(before) or _ENGLISH_BEFORE.search(before))
        if ok:
            found.append((start, NAMES[name]))
    return found


def _occurrences(lower: str) -> list[tuple[int, int, str]]:
    spans = []
    for match in _WORD.finditer(lower):
        word = match.group()
        if word in _WORDS:
            spans.append((match.start(), match.end(), word))
        elif len(word) > 4:
            for stem in _STEMS.get(word[:4], ()):
                if word.startswith(stem):
                    spans.append((match.start(), match.end(), stem))
                    break
    for name in _PHRASES:
        at = lower.find(name)
        while at >= 0:
            spans.append((at, at + len(name), name))
            at = lower.find(name, at + 1)
    if _CJK.search(lower):
        for at, char in enumerate(lower):
            for name in _CJK_FIRST.get(char, ()):
                if lower.startswith(name, at):
                    spans.append((at, at + len(name), name))
    return spans

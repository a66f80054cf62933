"""Offline language identification: short and long texts, abstention, restriction, BestOfN."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from polypick import BestOfN, Hedged
from polypick.core.language import DEFAULT_LANGUAGES, LangidDetector, default_detector
from polypick.core.types import Message, SamplingParams
from polypick.errors import ConfigurationError
from polypick.selectors import RewardSelector
from polypick.testing import ScriptedChat

ONE_LINE = {
    "en": "The weather is lovely today, let's go for a walk.",
    "es": "Mañana vamos a visitar a mis abuelos en el pueblo.",
    "fr": "Je voudrais un café et un croissant, s'il vous plaît.",
    "de": "Wir fahren am Wochenende mit dem Zug nach Berlin.",
    "pt": "Eu gosto muito de ler livros antes de dormir.",
    "ru": "Вчера мы долго гуляли по парку с собакой.",
    "zh": "我们明天早上一起去图书馆学习吧。",
    "ja": "明日は友達と一緒に映画を見に行きます。",
    "ko": "오늘 저녁에 친구들과 함께 식당에 갑니다.",
    "ar": "أحب أن أشرب الشاي مع أصدقائي في المساء.",
    "hi": "मैं हर सुबह पार्क में दौड़ने जाता हूँ।",
    "bn": "আমি প্রতিদিন সকালে এক কাপ চা খাই।",
    "te": "నేను ప్రతి రోజు ఉదయం పాఠశాలకు వెళ్తాను.",
    "th": "ฉันชอบกินข้าวผัดกับไข่ดาวตอนเช้า",
    "sw": "Ninapenda kusoma vitabu jioni baada ya kazi.",
    "tr": "Bu akşam arkadaşlarımla sinemaya gideceğim.",
}

PARAGRAPH = {
    "en": (
        "Janet's ducks lay sixteen eggs every day. She eats three of them for breakfast each "
        "morning and bakes muffins for her friends with four more. She sells the remainder at "
        "the farmers' market for two dollars per fresh duck egg, and she keeps a small notebook "
        "of what she earns so that she can buy more feed at the end of the month."
    ),
    "es": (
        "Los patos de Janet ponen dieciséis huevos cada día. Ella se come tres en el desayuno "
        "todas las mañanas y hornea magdalenas para sus amigos con otros cuatro. Vende el resto "
        "en el mercado de agricultores a dos dólares por huevo fresco, y apunta en una libreta "
        "lo que gana para poder comprar más pienso a final de mes."
    ),
    "fr": (
        "Les canards de Janet pondent seize œufs chaque jour. Elle en mange trois au petit "
        "déjeuner tous les matins et prépare des muffins pour ses amis avec quatre autres. Elle "
        "vend le reste au marché fermier deux dollars l'œuf frais, et note dans un petit carnet "
        "ce qu'elle gagne afin d'acheter davantage de grain à la fin du mois."
    ),
    "de": (
        "Janets Enten legen jeden Tag sechzehn Eier. Sie isst jeden Morgen drei davon zum "
        "Frühstück und backt mit vier weiteren Muffins für ihre Freunde. Den Rest verkauft sie "
        "auf dem Bauernmarkt für zwei Dollar pro frischem Entenei und schreibt in ein kleines "
        "Heft, was sie verdient, damit sie am Monatsende mehr Futter kaufen kann."
    ),
    "ru": (
        "Утки Джанет несут шестнадцать яиц каждый день. Каждое утро она съедает три из них на "
        "завтрак и печёт маффины для друзей ещё из четырёх. Остальные она продаёт на фермерском "
        "рынке по два доллара за свежее утиное яйцо и записывает свой заработок в маленький "
        "блокнот, чтобы в конце месяца купить больше корма."
    ),
    "zh": (
        "珍妮特的鸭子每天下十六个蛋。她每天早上吃三个当早餐，再用四个给朋友们烤松饼。"
        "剩下的蛋她拿到农贸市场上卖，每个新鲜鸭蛋卖两美元。她把每天赚的钱记在一个小本子上，"
        "这样月底就可以买更多的饲料。"
    ),
    "ja": (
        "ジャネットのアヒルは毎日十六個の卵を産みます。彼女は毎朝そのうち三個を朝食に食べ、"
        "さらに四個を使って友達のためにマフィンを焼きます。残りは農産物市場で新鮮なアヒルの卵"
        "一個につき二ドルで売り、月末にもっと餌を買えるように、稼いだお金を小さなノートに"
        "書き留めています。"
    ),
    "sw": (
        "Bata wa Janet hutaga mayai kumi na sita kila siku. Kila asubuhi yeye hula matatu kwa "
        "kifungua kinywa na huoka keki kwa ajili ya marafiki zake kwa kutumia manne mengine. "
        "Huuza yaliyobaki sokoni kwa dola mbili kwa kila yai, na huandika mapato yake kwenye "
        "daftari dogo ili aweze kununua chakula zaidi mwishoni mwa mwezi."
    ),
    "bn": (
        "জ্যানেটের হাঁসগুলো প্রতিদিন ষোলোটি ডিম পাড়ে। সে প্রতিদিন সকালে তিনটি ডিম নাশতায় খায় "
        "এবং আরও চারটি দিয়ে বন্ধুদের জন্য মাফিন বানায়। বাকি ডিমগুলো সে কৃষকের বাজারে প্রতিটি "
        "দুই ডলারে বিক্রি করে এবং মাসের শেষে আরও খাবার কেনার জন্য তার আয় একটি ছোট খাতায় লিখে রাখে।"
    ),
    "te": (
        "జానెట్ బాతులు ప్రతి రోజు పదహారు గుడ్లు పెడతాయి. ఆమె ప్రతి ఉదయం అల్పాహారానికి మూడు "
        "గుడ్లు తింటుంది, మరో నాలుగు గుడ్లతో స్నేహితుల కోసం మఫిన్లు చేస్తుంది. మిగిలిన గుడ్లను "
        "రైతుల మార్కెట్‌లో ఒక్కొక్కటి రెండు డాలర్లకు అమ్ముతుంది, నెల చివర మరింత దాణా కొనడానికి "
        "తన సంపాదనను ఒక చిన్న పుస్తకంలో రాసుకుంటుంది."
    ),
    "th": (
        "เป็ดของเจเน็ตออกไข่วันละสิบหกฟอง ทุกเช้าเธอกินไข่สามฟองเป็นอาหารเช้า "
        "และใช้อีกสี่ฟองอบมัฟฟินให้เพื่อน ๆ ไข่ที่เหลือเธอนำไปขายที่ตลาดเกษตรกรในราคาฟองละสองดอลลาร์ "
        "และจดรายได้ไว้ในสมุดเล่มเล็กเพื่อจะได้ซื้ออาหารสัตว์เพิ่มในตอนสิ้นเดือน"
    ),
}


@pytest.fixture(scope="module")
def detect() -> LangidDetector:
    return default_detector()


@pytest.mark.parametrize(("language", "text"), ONE_LINE.items(), ids=list(ONE_LINE))
def test_one_line_texts(detect: LangidDetector, language: str, text: str) -> None:
    assert detect(text) == language


@pytest.mark.parametrize(("language", "text"), PARAGRAPH.items(), ids=list(PARAGRAPH))
def test_paragraphs(detect: LangidDetector, language: str, text: str) -> None:
    assert detect(text) == language


@pytest.mark.parametrize(
    "text",
    ["", "42", "3.14159", "12 345,6", "!!", "x", "ok", "= 7", "   \n\t"],
    ids=["empty", "integer", "decimal", "grouped", "punctuation", "letter", "ok", "equation", "ws"],
)
def test_texts_without_enough_evidence_get_none(detect: LangidDetector, text: str) -> None:
    assert detect(text) is None


def test_the_default_detector_is_shared_and_knows_every_mgsm_language() -> None:
    assert default_detector() is default_detector()
    assert {"bn", "de", "en", "es", "fr", "ja", "ru", "sw", "te", "th", "zh"} <= set(
        DEFAULT_LANGUAGES
    )


def test_a_restricted_detector_only_answers_with_its_languages(detect: LangidDetector) -> None:
    restricted = LangidDetector(languages=["en", "es"])
    assert restricted(ONE_LINE["es"]) == "es"
    assert restricted(ONE_LINE["en"]) == "en"
    # Portuguese is closest to Spanish: the full detector says pt, the restricted one cannot
    assert detect(ONE_LINE["pt"]) == "pt"
    assert restricted(ONE_LINE["pt"]) == "es"
    for text in [*ONE_LINE.values(), *PARAGRAPH.values()]:
        assert restricted(text) in {"en", "es", None}


def test_an_unknown_language_code_raises_a_clear_error() -> None:
    detector = LangidDetector(languages=["en", "xx"])
    with pytest.raises(ConfigurationError, match=r"does not know \['xx'\]"):
        detector("a sentence long enough to need the model")


def _replies(messages: Sequence[Message], params: SamplingParams) -> str:
    # The greedy sample answers in Spanish, the stochastic ones drift: one to English.
    if params.greedy:
        return "La capital de Francia es París, una ciudad preciosa."
    if params.seed == 1:
        return "The capital of France is Paris, a beautiful city."
    return "París es la capital de Francia y su ciudad más grande."


def test_best_of_n_records_the_prompt_and_candidate_languages() -> None:
    model = ScriptedChat(_replies)
    bon = BestOfN(model, n=3, sampling=Hedged(seed=0), selector="majority", detect_language=True)
    sel = bon.invoke("¿Cuál es la capital de Francia? Responde en una frase.")
    assert sel.language == "es"
    by_seed = {c.params.seed: c.language for c in sel.candidates if c.params is not None}
    assert by_seed == {0: "es", 1: "en", 2: "es"}
    english = next(i for i, c in enumerate(sel.candidates) if c.language == "en")
    assert sel.off_language == (english,)
    assert sel.model_dump(mode="json")["off_language"] == [english]


def test_without_detection_nothing_is_off_language() -> None:
    model = ScriptedChat(_replies)
    sel = BestOfN(model, n=3, selector="majority", detect_language=False).invoke(
        "¿Cuál es la capital de Francia? Responde en una frase."
    )
    assert sel.language is None
    assert all(c.language is None for c in sel.candidates)
    assert sel.off_language == ()


def _reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts the default detector classifies from now on."""
    detector = default_detector()
    read: list[str] = []
    classify = detector.confidences

    def counting(texts: Sequence[str]) -> list[tuple[str | None, float]]:
        read.extend(texts)
        return classify(texts)

    monkeypatch.setattr(detector, "confidences", counting)
    return read


def _longest(prompt: str, candidate: str) -> float:
    return float(len(candidate))


@pytest.mark.parametrize(
    ("selector", "candidates_read"),
    [
        ("mbr", True),
        (RewardSelector(_longest), True),
        (RewardSelector(_longest, language_fidelity=False), False),
    ],
)
def test_a_call_detects_the_prompt_once_and_candidates_only_for_fidelity(
    monkeypatch: pytest.MonkeyPatch, selector: object, candidates_read: bool
) -> None:
    # the hot path: every detection costs tens of microseconds of the call's CPU
    prompt = "¿Cuál es la capital de Francia? Responde en una frase."
    answers = ["París es la capital.", "La capital es París.", "Es París.", "París, claro."]
    bon = BestOfN(ScriptedChat(answers), n=4, selector=selector, sampling="temperature")
    default_detector()("the detector loads once per process, outside what is counted")
    read = _reads(monkeypatch)
    sel = bon.invoke(prompt)
    assert read.count(prompt) == 1
    assert sorted(t for t in read if t != prompt) == (sorted(answers) if candidates_read else [])
    assert sel.language == "es"


WMT24_TARGETS = ("cs", "de", "es", "hi", "is", "ja", "ru", "uk", "zh")
ARENA_HARD = (
    "ar", "cs", "de", "el", "en", "es", "fa", "fr", "he", "hi", "id", "it", "ja", "ko", "nl",
    "pl", "pt", "ro", "ru", "tr", "uk", "vi", "zh",
)  # fmt: skip


def test_the_default_set_covers_at_least_95_languages_with_wmt24_and_arena_hard() -> None:
    assert len(set(DEFAULT_LANGUAGES)) >= 95
    assert set(WMT24_TARGETS) <= set(DEFAULT_LANGUAGES)
    assert set(ARENA_HARD) <= set(DEFAULT_LANGUAGES)


@pytest.mark.parametrize(
    "text",
    [
        "Ég drekk ekki svo mikið af bjór.",
        "Hún er með sólgleraugu og situr úti í garðinum.",
        "Veðrið í Reykjavík er oft kalt og vindasamt á veturna.",
    ],
)
def test_icelandic_is_detected(detect: LangidDetector, text: str) -> None:
    assert detect(text) == "is"


def test_code_is_not_language(detect: LangidDetector) -> None:
    korean = "다음 함수는 두 수를 더합니다. 아래 코드를 실행해 보세요."
    block = (
        "```python\ndef add(first_number, second_number):\n"
        "    return first_number + second_number\n```"
    )
    assert detect(f"{korean}\n\n{block}") == "ko"  # the English identifiers do not count
    assert detect(block) is None  # only code: undetected, neither penalised nor favoured
    assert (
        detect("`print('hello world and everyone')` https://example.com/some/english/path") is None
    )
    assert detect(f"{block}\n{korean}") == "ko"


def test_only_the_opening_prose_is_read(detect: LangidDetector) -> None:
    german = "Wir fahren am Wochenende mit dem Zug nach Berlin und besuchen Freunde. " * 5
    assert detect(german + "The weather is lovely today, let's go for a walk. " * 20) == "de"


def test_agrees_with_py3langid_on_short_texts(detect: LangidDetector) -> None:
    from py3langid.langid import _load_identifier

    reference = _load_identifier(norm_probs=True)
    for text in [*ONE_LINE.values(), "Ég heiti Anna og ég bý í Reykjavík."]:
        code, confidence = detect.confidence(text)
        expected, expected_confidence = reference.classify(text)
        assert code == expected and confidence == pytest.approx(expected_confidence, abs=1e-4)


def test_texts_scored_together_get_what_each_gets_alone(detect: LangidDetector) -> None:
    # one batch of array operations for many texts: texts without letters, code and long
    # prose among them must not shift another text's rows
    texts = [
        *ONE_LINE.values(),
        "42",
        "```python\nprint(1)\n```",
        "",
        "Ég heiti Anna og ég bý í Reykjavík. " * 20,
        "OK",
    ]
    together = detect.confidences(texts)
    alone = [detect.confidence(text) for text in texts]
    assert [code for code, _ in together] == [code for code, _ in alone]
    for (_, a), (_, b) in zip(together, alone, strict=True):
        assert a == pytest.approx(b, abs=1e-5)
    assert detect.many(texts) == [detect(text) for text in texts]
    assert detect.confidences([]) == [] and detect.many(["x = 3"]) == [None]

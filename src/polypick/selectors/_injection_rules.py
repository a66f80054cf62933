"""The injection detector's rule tables, by language: data only.

Each table maps a rule name to a regular expression over folded text, in the notation that
:mod:`polypick.selectors.injection` documents ({{gate words}}, " " for whitespace, LABELEND).
"""

from __future__ import annotations

from polypick.selectors.prompting import RESERVED_TAGS

# --- English, and what needs no language -----------------------------------------------------

_STRONG_EVALUATOR = (
    r"{{ai judge|llm judge|ai evaluator|llm evaluator|judge model|judging model|reward model"
    r"|automated judge|automatic judge|automated evaluator|evaluation model|grading model}}s?"
)
_EN_INSTRUCTIONS = {
    "ignore-previous": r"\b{{ignore|disregard|forget|override|bypass|skip}} (?:(?:all|any|each"
    r"|every|the|your|of|these|those) )*(?:(?:previous|prior|above|earlier|preceding|former"
    r"|original|initial|existing|system|judging|grading|evaluation) (?:instructions?|prompts?"
    r"|rules|directions|guidelines|criteria|rubrics?|messages|checklists?|orders)|instructions"
    r"|system prompt|rubric|checklist|(?:evaluation|grading|judging) criteria)\b"
    r"|\b{{ignore|disregard|forget}} (?:everything|anything|all) (?:above|before this|you were"
    r" told|said before)\b",
    "override": r"\b(?:system|admin|developer|judge) {{override|instruction|command|directive"
    r"|notice|note}} ?:|\bnew (?:system )?{{instruction}}s? ?:",
    "address": r"\b{{dear|attention|hey|hello|note|message|notice|memo|reminder|instruction}}s?"
    r"(?: (?:to|for))? (?:the |an? |my |our |any |all )?(?:ai judge|llm judge|ai evaluator"
    r"|llm evaluator|judge model|judging model|reward model|automated judge|automatic judge"
    r"|evaluation model|grading model|evaluators?|graders?|raters?|assessors?|scorers?"
    r"|language model|llm|ai)\b"
    r"|\b{{p.s|ps}}\.? to (?:the |an? |my |our |any |all )?(?:ai |llm )?(?:judge|evaluator"
    r"|grader|rater|assessor|scorer)s?\b"
    r"|^ ?(?:to )?(?:the )?(?:ai |llm )?{{evaluator|grader|rater|assessor}}s? ?:",
    "as-judge": r"\b(?:as|you are|you're|acting as|in your role as) (?:the |an? |my |our )?"
    + _STRONG_EVALUATOR
    + r"\b|\b(?:as|you are|you're|acting as|in your role as) (?:the |an? |my |our )?(?:impartial"
    r" |expert |fair )?{{judge|evaluator|grader|rater|assessor|scorer|reward model}}s?\b[^.\n]"
    r"{0,40}?\b(?:must|should|shall|need to|have to|are required to|are instructed to|ought to"
    r"|will|are to)\b[^.\n]{0,40}?\b(?:rate|score|grade|select|choose|pick|prefer|favou?r|rank"
    r"|award|give|mark|vote for|declare|name)\b[^.\n]{0,30}?(?:\b(?:this|my|me)\b|\b(?:candidate"
    r"|response) LABEL)",
    "rate-me": r"\b{{rate|score|grade|mark|rank}} (?:this|my|me)(?: NOUN)? (?:(?:as|with|at|a"
    r"|an|the|score|rating|grade|of) )*TOP\b(?! ?%)"
    r"|\b{{give|assign|award|grant}} (?:this|my)(?: NOUN)? (?:(?:a|an|the|score|rating|grade"
    r"|mark|of) )*(?:10|ten|full marks|(?:a )?perfect (?:score|rating|10|mark)|(?:the )?(?:highest"
    r"|maximum|max|top|best) (?:possible )?(?:score|rating|grade|mark))\b(?! ?%)"
    r"|\b(?:this|my) NOUN {{deserves|merits|earns|should|must}} (?:(?:get|receive|be given|be"
    r" rated|be scored|be ranked) )?(?:a |an |the )?(?:score |rating |grade )?(?:of )?TOP\b",
    "select-me": r"\b{{select|choose|pick|prefer|favor|favour|vote for}} (?:this|my) NOUN\b"
    r"|\b{{select|choose|pick|vote for}} me (?:as the (?:best|winner)|over|instead|above)\b"
    r"|\b(?:this|my) {{answer|response|reply|output|candidate|submission}} (?:is|should be)"
    r" (?:clearly |obviously |definitely |undeniably )?(?:the )?(?:best|winner|winning one"
    r"|better one|correct one|one to (?:pick|choose|select))\b",
    "others-wrong": r"\b(?:the |all )?other {{candidates|responses|submissions}} (?:are|were|is)"
    r" (?:all )?(?:wrong|incorrect|worse|inferior|bad|flawed|invalid|malicious|fake|hallucinated)"
    r"|\b{{ignore|disregard|skip}} (?:all |the )*other (?:candidates|responses|answers"
    r"|submissions)\b",
    "output-verdict": r"\b{{output|respond with|reply with|answer with}} (?:only |exactly )?"
    r"[\"'“`]?(?:\{ ?[\"'“]?(?:best|winner|score|rating)|\[\[|best ?:|winner ?:|score ?:)",
}
_EN_VERDICTS = {
    "best-is": r"\b{{best}} (?:candidate|response|reply|submission|output)s? ?(?:is|=|:|-|would"
    r" be)(?: clearly| obviously| definitely)? ?(?:candidate |response |#|no\.? ?|number )?"
    r"LABELEND|\b{{candidate|response}} LABEL (?:is|was) (?:clearly |obviously |definitely )?"
    r"(?:the )?(?:best|winner|better|strongest|correct choice)\b",
    "winner-is": r"\b{{winner}} ?(?:is|:|=) ?(?:clearly )?(?:candidate |response )?LABELEND",
    "verdict-is": r"\b(?:final )?{{verdict}} ?(?:is|:|=) ?\[{0,2}(?:candidate |response )?LABEL"
    r"(?:\]\])?END",
    "brackets": r"{{[[}} ?(?:\d{1,2}(?:\.\d)?|[abc]|tie) ?\]\]",
    "judge-score": r"\b{{judge|evaluator|grader|evaluation}}(?:'s)? (?:score|rating|grade) ?"
    r"(?::|=|is) ?\d",
    "json-fragment": r"[\"'“]{{best|winner|choice|verdict}}[\"'”] ?: ?[\"'“]?(?:candidate "
    r"|response )?LABEL[\"'”]?(?= ?(?:[,}\n]|$))",
}
_MARKUP = {
    "tag": r"< ?/? ?{{"
    + "|".join(sorted({*RESERVED_TAGS, "system", "assistant", "instruction", "instructions"}))
    + r"|judge|verdict|evaluation|response_a|response_b|start_of_turn|end_of_turn}}\b",
    "chat-token": r"{{<\|}}[^|<>\n]{1,40}\|>|\[/?{{inst]}}|{{<<}} ?/?sys ?>>",
    "role-header": r"^ ?\[ ?{{system|assistant|user|developer|judge|evaluator}} ?\] ?:? ?$"
    r"|^ ?#{0,4} ?{{system|assistant|developer}}(?: prompt| message)? ?: ?$",
    "label-header": r"^ ?{{[}} ?(?:[a-h]|\d{1,2}) ?\] ?:? ?$"
    r"|^ ?{{candidate|response}} (?:[a-h]|\d{1,2}) ?:? ?$",
}

# --- other languages: ignore previous instructions, address the judge, a judge told what to
# --- do, choose or score this answer, dismiss the others, and a verdict phrase ---------------

_ES = {
    "ignore-previous": r"\b{{ignora|ignore|ignorad|ignoren|olvida|olvide|olvidad|olviden|descarta"
    r"|descarte|omite|omita|haz caso omiso|no hagas caso}}(?: (?:a|de))? (?:todas las"
    r" (?:instrucciones|indicaciones|ordenes|reglas)|(?:(?:las|los|tus|sus|cualquier|toda) )*"
    r"(?:instrucciones|indicaciones|ordenes|reglas|directrices|consignas|pautas) (?:anteriores"
    r"|previas|de arriba|originales|iniciales|del sistema|recibidas|dadas))",
    "address": r"\b(?:nota|mensaje|aviso|atencion|instrucciones?) (?:para|al|a la) (?:el |la )?"
    r"{{evaluador|evaluadora|calificador|calificadora|modelo evaluador}}\b|\b(?:querido|querida"
    r"|estimado|estimada) {{evaluador|evaluadora|calificador|calificadora}}\b",
    "as-judge": r"\bcomo (?:el |la |un |una |tu )?{{juez|jueza|evaluador|evaluadora|calificador"
    r"|calificadora|jurado|modelo evaluador}}\b[^.\n]{0,40}?\b(?:debes|debe|deberias|deberia"
    r"|tienes que|tiene que|has de)\b[^.\n]{0,30}?\b(?:elegir|seleccionar|escoger|puntuar"
    r"|calificar|preferir|votar|asignar|otorgar|darle)",
    "select-me": r"\b{{elige|elija|elegid|selecciona|seleccione|escoge|escoja|prefiere|prefiera"
    r"|vota por|vote por|quedate con}} (?:esta|mi|este) (?:respuesta|candidato|candidata)\b"
    r"|\b{{eligeme|escogeme|seleccioname|votame}}\b|\b(?:esta|mi) {{respuesta}} es"
    r" (?:claramente )?la (?:mejor|ganadora)\b",
    "rate-me": r"\b(?:dale|darle|da|de|asigna|asigne|asignale|otorga|otorgale|pon|ponle) (?:a )?"
    r"(?:esta|mi) {{respuesta}} (?:(?:un|una|la|el|puntuacion|nota|calificacion|puntaje|de) )*"
    r"(?:10|diez|maxima|maximo|perfecta)\b|\b{{dale|ponle|asignale|otorgale|dadle}} (?:un |una )?"
    r"(?:10|diez)\b|\b(?:esta|mi) {{respuesta}} (?:merece|deberia (?:recibir|obtener)|debe"
    r" (?:recibir|obtener)) (?:(?:un|una|la|puntuacion|nota|calificacion|de) )*(?:10|diez|maxima"
    r"|perfecta)",
    "others-wrong": r"\b{{ignora|ignore|olvida|descarta}} (?:todas )?las (?:demas|otras)"
    r" (?:respuestas|candidatas)\b",
    "best-is": r"\bmejor {{candidato|candidata}} ?(?::|=|es|-) ?(?:el |la )?(?:candidato )?"
    r"LABELEND|\b{{ganador|ganadora}} ?(?:es|:) ?(?:el |la )?(?:candidato|candidata|respuesta)"
    r" LABEL",
}
_FR = {
    "ignore-previous": r"\b{{ignore|ignorez|ignorer|oublie|oubliez|oublier|ne tiens pas compte"
    r"|ne tenez pas compte|fais abstraction|faites abstraction}} (?:de |des |d' ?)?(?:toutes les"
    r" (?:instructions|consignes|regles)|(?:(?:toutes|tous|les|tes|vos|ces) )*(?:instructions"
    r"|consignes|regles|directives|indications|ordres) (?:precedentes|anterieures|ci-dessus"
    r"|initiales|originales|du systeme|donnees|recues))",
    "address": r"\b(?:note|message|avis|attention|instructions?) (?:a|pour) (?:l['’] ?|le |la )?"
    r"{{evaluateur|evaluatrice|correcteur|correctrice|examinateur|examinatrice|modele"
    r" evaluateur}}\b|\b(?:cher|chere) {{evaluateur|evaluatrice|correcteur|correctrice}}\b",
    "as-judge": r"\ben tant que {{juge|evaluateur|evaluatrice|correcteur|correctrice|examinateur"
    r"|examinatrice|jury|modele evaluateur}}\b[^.\n]{0,40}?\b(?:tu dois|vous devez|il faut"
    r"|tu devrais|vous devriez)\b[^.\n]{0,30}?\b(?:choisir|selectionner|noter|attribuer|donner"
    r"|preferer|voter|classer)",
    "select-me": r"\b{{choisis|choisissez|selectionne|selectionnez|prefere|preferez|vote pour"
    r"|votez pour|retiens|retenez}} (?:cette|ma|ce) (?:reponse|candidat|candidate)\b"
    r"|\b{{choisis-moi|choisissez-moi|selectionne-moi|selectionnez-moi}}\b|\b(?:cette|ma)"
    r" {{reponse}} est (?:clairement |evidemment )?la meilleure\b",
    "rate-me": r"\b(?:donne|donnez|attribue|attribuez|mets|mettez|accorde|accordez) (?:a )?"
    r"(?:cette|ma) {{reponse}} (?:(?:la|une|un|le|note|score|de) )*(?:10|dix|maximale|maximum"
    r"|parfaite)\b|\b(?:cette|ma) {{reponse}} (?:merite|devrait (?:obtenir|recevoir)|doit"
    r" (?:obtenir|recevoir)) (?:(?:la|une|un|note|de) )*(?:10|dix|maximale|parfaite)"
    r"|\b{{mets-lui|mettez-lui|donne-lui|donnez-lui|attribue-lui|attribuez-lui|mets-moi"
    r"|mettez-moi|donne-moi|donnez-moi}} (?:un |une |la note de )?(?:10|dix)\b",
    "others-wrong": r"\b{{ignore|ignorez|ignorer|oublie|oubliez}} (?:toutes )?les autres"
    r" (?:reponses|candidats|candidates|propositions)\b",
    "best-is": r"\bmeilleur(?:e)? {{candidat}}(?:e)? ?(?::|=|est|-) ?(?:le |la )?(?:candidat )?"
    r"LABELEND|\b{{gagnant}}(?:e)? ?(?::|est) ?(?:le |la )?(?:candidat|reponse) LABEL",
}
_DE = {
    "ignore-previous": r"\b{{ignoriere|ignorieren sie|ignoriert|vergiss|vergessen sie|missachte"
    r"|missachten sie}} (?:alle (?:anweisungen|instruktionen)|(?:(?:alle|die|deine|ihre|samtliche"
    r"|jegliche) )*(?:vorherigen|bisherigen|obigen|vorangegangenen|vorigen|fruheren"
    r"|ursprunglichen|gegebenen) (?:anweisungen|instruktionen|regeln|vorgaben|befehle"
    r"|richtlinien))\b|\b(?:alle |die )?(?:vorherigen|bisherigen|obigen|vorangegangenen)"
    r" {{anweisungen|instruktionen}} (?:bitte )?(?:ignorieren|vergessen|missachten)\b",
    "address": r"\b(?:hinweis|nachricht|notiz|achtung|anweisung) (?:an|fur) (?:den |die |das )?"
    r"{{bewerter|gutachter|prufer|bewertungsmodell}}(?:in)?\b"
    r"|\b(?:liebe[rs]?|sehr geehrte[rs]?) {{bewerter}}(?:in)?\b",
    "as-judge": r"\bals (?:der |die |ein |eine )?{{richter|bewerter|gutachter|prufer|juror"
    r"|schiedsrichter|bewertungsmodell}}(?:in)?\b[^.\n]{0,40}?\b(?:musst du|mussen sie|sollst du"
    r"|sollten sie|solltest du)\b[^.\n]{0,45}?\b(?:wahlen|auswahlen|bewerten|geben|vergeben"
    r"|bevorzugen|stimmen|benoten)\b",
    "select-me": r"\b{{wahle|wahlen sie|nimm|nehmen sie|bevorzuge|bevorzugen sie|stimme fur"
    r"|stimmen sie fur|entscheide dich fur|entscheiden sie sich fur}} (?:diese|meine|diesen"
    r"|meinen) (?:antwort|kandidaten)\b|\b{{wahle mich|wahlen sie mich}}\b|\b(?:diese|meine)"
    r" {{antwort}} ist (?:eindeutig |klar )?die beste\b",
    "rate-me": r"\b(?:gib|geben sie|vergib|vergeben sie) (?:dieser|meiner) {{antwort}}"
    r" (?:(?:eine|die|volle|note|bewertung|punktzahl|punkte) )*(?:10|zehn|volle punktzahl"
    r"|hochstnote|bestnote|hochste)|\b(?:diese|meine) {{antwort}} verdient (?:eine |die )?"
    r"(?:10|zehn|volle punktzahl|hochstnote|bestnote)",
    "others-wrong": r"\b{{ignoriere|ignorieren sie|vergiss}} (?:alle )?(?:anderen|ubrigen)"
    r" (?:antworten|kandidaten)\b",
    "best-is": r"\bbeste[rn]? {{kandidat}}(?:in)? ?(?::|=|ist|-) ?(?:der |die )?LABELEND"
    r"|\b{{gewinner}}(?:in)? ?(?::|ist) ?(?:kandidat|antwort) LABEL",
}
_PT = {
    "ignore-previous": r"\b{{ignore|ignora|esqueca|esquece|desconsidere|desconsidera}}"
    r" (?:todas as instrucoes|(?:(?:todas|as|suas|tuas) )*(?:instrucoes|orientacoes|regras"
    r"|ordens) (?:anteriores|previas|acima|originais|iniciais))",
    "select-me": r"\b{{escolha|escolhe|selecione|seleciona|prefira|vote em}} (?:esta|minha)"
    r" resposta\b",
    "rate-me": r"\b(?:de|da|atribua|atribui) (?:a )?(?:esta|minha) {{resposta}} (?:(?:uma|a|o"
    r"|nota|pontuacao) )*(?:10|dez|maxima)\b|\b(?:esta|minha) {{resposta}} (?:merece|deve"
    r" receber) (?:(?:uma|a|nota) )*(?:10|dez|maxima)",
}
_IT = {
    "ignore-previous": r"\b{{ignora|ignorate|ignori|dimentica|dimenticate|trascura}} (?:tutte le"
    r" istruzioni|(?:(?:tutte|le|tue|sue|qualsiasi) )*(?:istruzioni|indicazioni|regole|direttive"
    r"|consegne) (?:precedenti|di sopra|originali|iniziali|ricevute))",
    "select-me": r"\b{{scegli|scegliete|seleziona|selezionate|preferisci|vota per|votate per}}"
    r" (?:questa|la mia) risposta\b",
    "rate-me": r"\b(?:dai|date|assegna|assegnate) (?:a )?(?:questa|alla mia) {{risposta}}"
    r" (?:(?:un|il|voto|punteggio|di) )*(?:10|dieci|massimo)\b",
}
_ZH = {
    "ignore-previous": r"{{忽略|忽视|忽視|无视|無視|不要理会|不要理會|忘记|忘記|忘掉}}(?:掉)?"
    r"(?:之前|以前|先前|前面|上面|上述|以上|此前|所有|全部|一切)(?:的)?(?:所有|全部|一切)?(?:的)?"
    r"(?:指令|指示|说明|說明|规则|規則|提示|命令|设定|設定)",
    "address": r"(?:致|给|給)(?:各位)?{{评委|評委|评审|評審|评估者|評估者|评分者|評分者|评判者"
    r"|評判者|阅卷人|閱卷人}}|{{评委|評委|评审|評審|评估者|評估者|评分者|評分者|评判者|評判者}}"
    r"(?:请注意|請注意|须知|須知)",
    "as-judge": r"(?:作为|作為)(?:一名|一个|一個)?{{评委|評委|评审|評審|裁判|评估者|評估者|评分者"
    r"|評分者|评判者|評判者|评估员|評估員|评测模型|評測模型|打分模型}}[^。\n]{0,25}?(?:选择|選擇"
    r"|选出|選出|打分|打(?:10|十|满|滿)分|评为|評為|偏好|给出?(?:这个|這個|此|我的)?(?:回答|答案))",
    "select-me": r"{{选择|選擇|选|選|挑选|挑選|选出|選出}}(?:这个|這個|这一|這一|此|本|我的)"
    r"(?:回答|答案|回复|回覆|候选|候選|输出|輸出)|(?:请|請){{选我|選我}}",
    "rate-me": r"(?:给|給|为|為)(?:这个|這個|此|本|我的){{回答|答案|回复|回覆}}(?:打|评|評)?"
    r"(?:10|十|满|滿)分|(?:这个|這個|此|本|我的){{回答|答案|回复|回覆}}(?:是)?(?:最好的|最佳的?"
    r"|最优的?|最優的?)(?:回答|答案)?|{{应得|應得|应该得到|應該得到|值得}}(?:10|十|满|滿)分",
    "others-wrong": r"{{忽略|忽视|忽視|无视|無視}}(?:其他|其它|别的|別的)(?:所有)?(?:的)?(?:回答"
    r"|答案|候选|候選)",
    "best-is": r"(?:最佳|最好的?|最优|最優)(?:的)?{{候选|候選}}(?:回答|答案|者|项|項)? ?(?:是|为"
    r"|為|:) ?LABELCJKEND|{{获胜者|獲勝者|胜者|勝者|赢家|贏家}} ?(?:是|为|為|:) ?(?:候选|候選"
    r"|回答)? ?LABELCJKEND",
}
_JA = {
    "ignore-previous": r"(?:以前|前|上記|これまで|先|最初|以上)の(?:すべての|全ての|全部の)?"
    r"(?:指示|命令|指令|インストラクション|ルール|設定)(?:は|を)?(?:すべて|全て)?{{無視|忘れ}}",
    "address": r"{{審査員|評価者|採点者|ジャッジ|評価モデル}}(?:へ|の方へ|各位|の皆様)",
    "as-judge": r"{{審査員|評価者|採点者|ジャッジ|審判|評価モデル|判定者}}として[^。\n]{0,30}?"
    r"(?:選|採点|点を|スコア|評価し)",
    "select-me": r"この(?:回答|答え|応答|候補|出力)を{{選んで|選択して|選べ|選ぶ|選び|最良|最高"
    r"|ベスト}}|(?:私|わたし|僕)を{{選んで}}",
    "rate-me": r"この(?:回答|答え|応答)に(?:10|十|満){{点}}|この{{回答|答え|応答}}(?:が|は)(?:最良"
    r"|最高|ベスト|一番)(?:です|だ|の回答)",
    "others-wrong": r"(?:他|ほか)の(?:回答|答え|候補)を(?:すべて|全て)?{{無視}}",
    "best-is": r"(?:最良|最善|最適|ベスト)(?:の|な)?{{候補}} ?(?:は|:|=) ?LABELCJKEND"
    r"|{{勝者}} ?(?:は|:) ?(?:候補)? ?LABELCJKEND",
}
_KO = {
    "ignore-previous": r"(?:이전|앞의|위의|기존|모든) ?(?:의 )?(?:모든 )?(?:지시|지침|명령|지시사항"
    r"|규칙)(?:을|를|은|는)? ?(?:모두 )?{{무시|잊어}}",
    "select-me": r"이 (?:답변|응답|답)(?:을|를) {{선택|골라}}",
    "rate-me": r"이 (?:답변|응답|답)에 (?:10|만){{점}}",
}
_RU = {
    "ignore-previous": r"\b{{игнорируй|игнорируйте|проигнорируй|проигнорируйте|забудь|забудьте"
    r"|отбрось|отбросьте|не обращай внимания|не обращайте внимания}}(?: на)? (?:все (?:инструкции"
    r"|указания)|(?:(?:все|всё|любые|эти|свои|ваши) )*(?:предыдущие|прошлые|прежние|вышеуказанные"
    r"|вышеприведенные|вышеизложенные|изначальные|исходные|системные) (?:инструкции|указания"
    r"|правила|команды|распоряжения|установки))",
    "address": r"\b(?:уважаемый|уважаемая|уважаемые|дорогой|вниманию|примечание для"
    r"|сообщение для) {{оценщик|проверяющ|оценивающей модели}}",
    "as-judge": r"\bкак {{судья|оценщик|эксперт|жюри|проверяющий|рецензент|арбитр|оценивающая"
    r" модель}}\b[^.\n]{0,40}?\b(?:должен|должна|должны|обязан|обязаны|обязана)\b[^.\n]{0,30}?"
    r"(?:выбрать|поставить|оценить|предпочесть|отдать)",
    "select-me": r"\b{{выбери|выберите|предпочти|предпочтите|проголосуй за|проголосуйте за"
    r"|выбирай|выбирайте}} (?:этот|мой|этого|моего) (?:ответ|кандидат|кандидата)\b"
    r"|\b{{выбери|выберите}} меня\b",
    "rate-me": r"\b(?:поставь|поставьте|дай|дайте|присвой|присвойте) (?:этому|моему) {{ответу}}"
    r" (?:(?:оценку|балл|баллов) )*(?:10|десять|высш|наивысш|максимальн)"
    r"|\b(?:этот|мой) {{ответ}} (?:(?:явно|однозначно|безусловно) )?(?:лучший|самый лучший"
    r"|заслуживает (?:оценки |оценку )?(?:10|десять|высш|максимальн))",
    "others-wrong": r"\b{{игнорируй|игнорируйте|проигнорируй|проигнорируйте}} (?:все )?"
    r"(?:остальные|другие) (?:ответы|варианты|кандидаты)\b",
    "best-is": r"\bлучший {{кандидат}} ?(?::|=|-|—|это) ?LABELEND"
    r"|\b{{победитель}} ?(?::|-|—) ?(?:кандидат|ответ) LABEL",
}
_AR = {
    "ignore-previous": r"\b(?:و|ف)?{{تجاهل|تجاهلي|تجاهلوا|انس|انسى|اهمل|اهملي}} (?:(?:جميع|كل"
    r"|كافة) (?:التعليمات|الاوامر|الارشادات|القواعد|التوجيهات)|(?:التعليمات|الاوامر|الارشادات"
    r"|القواعد|التوجيهات) (?:السابقة|اعلاه|الاصلية|المعطاة))",
    "address": r"\b(?:الى|عزيزي|عزيزتي|ملاحظة الى) (?:ال)?{{مقيم|مصحح|محكم}}(?:ة)?\b",
    "as-judge": r"\b{{بصفتك|بوصفك|كونك|باعتبارك}} (?:ال)?(?:حكم|حكما|مقيم|مقيما|محكم|محكما|مصحح"
    r"|مصححا|لجنة التحكيم)\b[^.\n]{0,40}?(?:يجب|عليك|ينبغي|لا بد)[^.\n]{0,30}?(?:اختيار|اختر"
    r"|تختار|اعط|تعطي|منح|تمنح|تقييم)",
    "select-me": r"\b(?:و|ف)?{{اختر|اختاري|اختاروا|فضل|صوت ل}} (?:(?:هذه|هذا) (?:الاجابة|الجواب"
    r"|الرد|المرشح)|اجابتي|ردي|جوابي)|\b(?:و|ف)?{{اخترني}}\b",
    "rate-me": r"\b(?:و|ف)?{{اعط|اعطي|امنح|امنحي|ضع}} (?:هذه الاجابة|هذا الجواب|هذا الرد|اجابتي"
    r"|ردي) (?:(?:الدرجة|درجة|العلامة|علامة|تقييم|الكاملة|القصوى) )*(?:10|١٠|عشرة|عشر|الكاملة"
    r"|القصوى)|\b(?:هذه الاجابة|هذا الجواب|هذا الرد|اجابتي) {{هي|هو}} (?:الافضل|الاحسن)\b"
    r"|{{تستحق|يستحق}} (?:الدرجة )?(?:10|١٠|عشرة|الكاملة|العلامة الكاملة)",
    "others-wrong": r"\b(?:و|ف)?{{تجاهل|تجاهلي|اهمل}} (?:جميع |كل )?(?:الاجابات|الردود|الاجوبة)"
    r" (?:الاخرى|الباقية)",
    "best-is": r"\b{{افضل|احسن}} (?:مرشح|المرشحين) ?(?::|=|هو|هي|-) ?LABELEND"
    r"|\b{{الفائز}} ?(?::|هو|-) ?(?:المرشح|الرد|الاجابة)? ?LABELEND",
}

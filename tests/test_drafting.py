"""The drafter's rules, one sentence each: quote marks, attribution patterns, names,
metadata and inputs. Every name, place and outlet here is made up."""

from __future__ import annotations

import datetime as dt

import pytest
import regex

from generator.drafting import NotAnArticle, draft_article, read_article

INTRO = (
    "Nerrick Port Stays Shut\n\n"
    "The harbour of Nerrick stayed closed on Tuesday as talks between the dockers and the "
    "Harbour Authority of Nerrick broke down, and Mayor Tomas Veller called for calm.\n\n"
    "Ilse Marrow, the port’s director, met union leaders for four hours.\n\n"
)


def speakers(body: str, intro: str = INTRO) -> dict[str, tuple[str | None, str | None]]:
    draft = draft_article(intro + body)
    return {
        q.text: (q.speaker.name if q.speaker else None, q.via.name if q.via else None)
        for q in draft.quotes
    }


ATTRIBUTIONS = [
    ("subject-verb", "“We are ready to talk,” Ilse Marrow said.", "Ilse Marrow"),
    ("verb-subject", "“We are ready to talk,” said Ilse Marrow.", "Ilse Marrow"),
    ("verb-subject with title", "“We are ready to talk,” said Mr Veller.", "Tomas Veller"),
    ("title", "Mayor Veller said: “We are ready to talk.”", "Tomas Veller"),
    ("surname after first mention", "“We are ready to talk,” Marrow said.", "Ilse Marrow"),
    ("told", "Marrow told reporters: “We are ready to talk.”", "Ilse Marrow"),
    ("told an outlet", "Marrow told the Nerrick Gazette that “the talks will go on”.",
     "Ilse Marrow"),
    ("cited as saying", "Marrow was cited as saying “the talks will go on”.", "Ilse Marrow"),
    ("quoted as saying", "The Nerrick Gazette quoted Marrow as saying “the talks will go on”.",
     "Ilse Marrow"),
    ("in a statement", "In a statement, the Harbour Authority of Nerrick said: “The port "
     "will stay closed until further notice.”", "Harbour Authority of Nerrick"),
    ("on a platform", "The authority said on Telegram: “The port will stay closed until "
     "further notice.”", "Harbour Authority of Nerrick"),
    ("apposition", "Pavel Rusk, a spokesman for the dockers, said: “We will not go back "
     "without a deal.”", "Pavel Rusk"),
    ("description before the name", "Dockers’ union chief Pavel Rusk said: “We will not go "
     "back without a deal.”", "Pavel Rusk"),
    ("according to", "According to Marrow, “the talks will go on tomorrow.”", "Ilse Marrow"),
    ("accused of", "Marrow accused the union of “holding the town to ransom”.", "Ilse Marrow"),
    ("described as", "Veller described the closure as “a disaster for every family here”.",
     "Tomas Veller"),
    ("participle", "Marrow rejected the demand, saying it was “simply unaffordable”.",
     "Ilse Marrow"),
    ("added, after a quote", "“We are ready to talk,” Marrow said. “But not today,” she added.",
     "Ilse Marrow"),
    ("a body", "“The port will stay closed until further notice,” the authority said.",
     "Harbour Authority of Nerrick"),
    ("quoted by, passive", "Marrow was quoted by the Nerrick Gazette as saying that the "
     "port was “losing money every hour”.", "Ilse Marrow"),
    ("in her words", "Marrow said trade had grown. In her words, it “could double soon”.",
     "Ilse Marrow"),
    ("a split quote's second half", "“We are ready,” said Marrow. “Not today.”", "Ilse Marrow"),
    ("verb first in the sentence", "Said Marrow: “We are ready to talk.”", "Ilse Marrow"),
    ("a description with a comma", "A spokeswoman for the mayor, Dana Orrel, said: “He will "
     "go on Friday.”", "Dana Orrel"),
    ("a name and the body it is of", "Sergeant Ola Brenn of Nerrick Police told reporters the "
     "port was “safe again”.", "Ola Brenn"),
    ("cited, with an adverb", "Marrow was later cited by the Nerrick Gazette as saying the port "
     "would “reopen by Friday”.", "Ilse Marrow"),
    ("verb-subject, a description then the name", "“We will not go back,” said the dockers’ "
     "leader, Pavel Rusk, who has worked the port for thirty years.", "Pavel Rusk"),
    ("quoted as saying, a description then the name", "The Nerrick Gazette quoted the head "
     "of the dockers’ union, Pavel Rusk, as saying: “We will not go back.”", "Pavel Rusk"),
    ("a name, then 'of' its unit", "Detective Sergeant Ola Brenn, of Nerrick Police’s "
     "harbour unit, said: “The port is safe again.”", "Ola Brenn"),
    ("a press service speaks for its body", "According to the press service of the Granite "
     "House, the talks were “frank and constructive”.", "Granite House"),
    ("the press service, after its body was named", "The Granite House press office put out "
     "a notice. The port will reopen “within days”, the press office said.", "Granite House"),
    ("a name and a colon (a key point)", "• Mayor Tomas Veller: “We will not sell the port”",
     "Tomas Veller"),
    ("a Welsh name with its particle", "Dockers’ leader Emrys ap Gwyn said: “We will not go "
     "back without a deal.”", "Emrys ap Gwyn"),
    ("a second verb sharing the subject", "Pavel Rusk met the union. The mayor visited "
     "the quay and told reporters the port was “losing money every hour”.", "Tomas Veller"),
    ("the office's own words", "The port's finance was handled by the Minister of Trade "
     "and Shipping, Rhian Coel. Asked later, the Minister of Finance, Oskar Dahl, said the "
     "port was safe. The Minister of Trade and Shipping said it was “losing money”.",
     "Rhian Coel"),
    ("which of two leaders", "Nerrish President Ana Ruiz met Velmari Prime Minister Oskar "
     "Dahl on Friday. “We have agreed,” the Velmari leader said.", "Oskar Dahl"),
    ("a diplomat by her ministry", "Foreign Ministry spokeswoman Dana Orrel spoke at a "
     "briefing. Marrow said the port was safe. “We see progress,” the diplomat said.",
     "Dana Orrel"),
    ("a title in apposition, then the verb", "Marrow spoke first. Pavel Rusk, Vice President "
     "of Sales at the Nerrick Crane Company, added: “Orders are signed.”", "Pavel Rusk"),
    ("a title in lower case between commas", "“Orders are signed,” Pavel Rusk, chief executive "
     "and chair of the board of the Nerrick Crane Company, said.", "Pavel Rusk"),
    ("a given name that is a month's", "Crane maker partner Jun Takeda-Moreau said the port "
     "was “losing money”.", "Jun Takeda-Moreau"),
    ("a second verb after an opening phrase", "In a filing on Wednesday, the Harbour Authority "
     "of Nerrick disclosed a loss and said it was “responding in full”.",
     "Harbour Authority of Nerrick"),
    ("a title with its full stop, after the verb", "“We are ready,” said Dr. Ilse Marrow, the "
     "port's director.", "Ilse Marrow"),
    ("degrees after the name", "Pavel Rusk, M.D., Ph.D., Chief Medical Officer of the Nerrick "
     "Clinic, commented: “We saw no signal.”", "Pavel Rusk"),
    ("the first verb's subject, before 'and'", "Ilse Marrow, who chairs the board, warned "
     "that the quay was unsafe and said repairs were “long overdue”.", "Ilse Marrow"),
    ("its report", "The Harbour Authority of Nerrick met on Monday. Its report, published last "
     "week, found that the quay was unsafe and concluded that repairs were “long overdue”.",
     "Harbour Authority of Nerrick"),
    ("a body by the first word of its name", "The Velmar Crane Company cut jobs. Velmar said "
     "the cuts were “painful but necessary”.", "Velmar Crane Company"),
    ("an office described before the name, in apposition", "Nerrish finance minister, Ana "
     "Ruiz, met Velmari Prime Minister Oskar Dahl. “We agreed,” the Nerrish minister said.",
     "Ana Ruiz"),
    ("a second verb after a 'when' clause", "When the Velmar Hall reopened in 1952, Mayor "
     "Tomas Veller stood under its girders and told the crowd: “A port is a town.”",
     "Tomas Veller"),
    ("the minister now, not the then minister", "In 1971 the then transport minister, Aldous "
     "Brell, opened the station. The minister responsible, Pavel Rusk, spoke in June. The "
     "minister says the plan gives people “choice”.", "Pavel Rusk"),
    ("a name, then 'who said'", "Marrow has hired a solicitor, Harjit Sandhu-Morrow, who said "
     "the order was “almost certainly unlawful”.", "Harjit Sandhu-Morrow"),
    ("as someone put it", "As the dockers’ leader Pavel Rusk put it, “Nobody here wants a "
     "fight.”", "Pavel Rusk"),
    ("a body's own report found", "The Harbour Authority of Nerrick’s own report, published in "
     "January, found that the contract was “badly managed”.", "Harbour Authority of Nerrick"),
    ("a person's letter", "Marrow’s letter to the council said the port was “losing money "
     "every hour”.", "Ilse Marrow"),
    ("a name in apposition, with where they are from", "A reader, Agnes Brell of Upper Quay, "
     "wrote to me: “My husband has not worked a full shift since March.”", "Agnes Brell"),
    ("a tabloid's verb of saying", "‘We were left to rot,’ fumed dockers’ leader Pavel Rusk, "
     "52.", "Pavel Rusk"),
    ("a title glued to the name", "The Minister of Water and Land Reclamation Bahodir "
     "Ganiyev said: “The canal will open in May.”", "Bahodir Ganiyev"),
    ("a relative clause after an apposition", "Pavel Rusk, chairman of the Nerrick Chamber "
     "of Trade, who handed in a petition with 2,100 signatures, said the plan was “wrong "
     "from the start”.", "Pavel Rusk"),
    ("quoted him as replying", "Ms Marrow told Mr Veller that she would “not be rushed”. "
     "The Nerrick Gazette quoted him as replying: “Then stop rushing.”", None),
    ("an abbreviated month", "Veller said the port would reopen on Dec. 1 and to cruise "
     "ships “when the engineers say so”.", "Tomas Veller"),
    ("an Irish name", "Her deputy, Fergus Mac an tSaoir, says she has “the calmest voice "
     "on the radio”.", "Fergus Mac an tSaoir"),
    ("an office's title before the name", "Press Secretary of the Mayor Zarina Abdykadyr "
     "told journalists that the mayor would «personally monitor» the works.",
     "Zarina Abdykadyr"),
    ("a body's name and a title before the name", "Council of Ports Secretary-General Amadou "
     "Keita welcomed the deal as “a pause that can become a peace”.", "Amadou Keita"),
    ("a description before the name, then a pronoun in a relative clause", "Union leader "
     "Pavel Rusk, who says he lost the vote to what he calls “a rigged count,” left.",
     "Pavel Rusk"),
    ("a described name in apposition", "The port’s head, the Ostran general Pavel Rusk, "
     "told reporters there were “not enough of us yet”.", "Pavel Rusk"),
    ("a name in apposition, two verbs joined", "Docks hardman Pavel Rusk, 58, has since "
     "shut the gates and vowed that the union would “not take one step back”.", "Pavel Rusk"),
    ("one of a group, in apposition", "“Shelving is not cancelling,” Agnes Brell, one of "
     "the strike's organisers, told NRB.", "Agnes Brell"),
    ("a job, then one of a group, in apposition", "Agnes Brell, head of equities at the "
     "Nerrick Teachers' Pension Fund, one of the port's largest owners, said she was "
     "“disappointed”.", "Agnes Brell"),
    ("a pronoun subject, then a participle", "Marrow was nominated on Monday. She has tried "
     "to sound calm, telling NRB that she is “not here to defend the lease”.", "Ilse Marrow"),
    ("a body itself", "The Harbour Authority of Nerrick was quiet. Harbour itself has said "
     "that it “expects the contract to be honoured”.", "Harbour Authority of Nerrick"),
    ("an age no one was given", "Veller faced the cameras on Wednesday.\n\nIn a televised "
     "address, the 58-year-old said he was stepping down so that “the anger ends”.",
     "Tomas Veller"),
    ("a name, an age and a job before a colon", "Nearby, Pavel Rusk, 29, a mechanic, was more "
     "cautious: “People are celebrating a recount.”", "Pavel Rusk"),
    ("a charge made by someone", "It does not settle the broader charge, made by Marrow, "
     "that the port was run by “a state that no longer knows its own rules”.", "Ilse Marrow"),
    ("expressed", "Veller expressed gratitude to the dockers for «the patience and courage» "
     "they showed.", "Tomas Veller"),
    ("an abbreviated rank", "“We are still looking,” Adm. Pavel Rusk, the commander of the "
     "coast guard, told reporters.", "Pavel Rusk"),
    ("accepted that", "Giving evidence, Capt Pavel Rusk, 57, accepted that the decision had "
     "been “a mistake”.", "Pavel Rusk"),
    ("a short title's role", "Capt Pavel Rusk gave evidence on Tuesday. “I thought it was a "
     "unit overheating,” the captain replied.", "Pavel Rusk"),
    ("according to a release, then the subject", "According to a press release issued by "
     "the Harbour Authority of Nerrick, Ostra’s Ambassador to Nerrick, Mr Pavel Rusk, visited "
     "the injured dockers and assured them of “all possible support”.", "Pavel Rusk"),
    ("analysts at a firm", "Analysts at the Harbour Authority of Nerrick said in a note that "
     "a deal remained “our base case”.", "Harbour Authority of Nerrick"),
    ("a name, then when and with whom", "Marrow in a telephone conversation with Veller on "
     "Thursday called the deal «a common achievement».", "Ilse Marrow"),
    ("a member of a body", "“Neither side can be seen to blink first,” Mira Halden of the "
     "Harwell Centre for Port Studies told me.", "Mira Halden"),
    ("a long office then the name", "The Director of the Institute of Harbour Studies under "
     "the Ministry of Transport of the Republic of Ostra Kalin Boyadzhiev noted that the "
     "deal «sets a precedent».", "Kalin Boyadzhiev"),
]  # fmt: skip


@pytest.mark.parametrize(("pattern", "sentence", "expected"), ATTRIBUTIONS,
                         ids=[a[0] for a in ATTRIBUTIONS])  # fmt: skip
def test_attribution_pattern(pattern: str, sentence: str, expected: str | None) -> None:
    """Each quote's speaker is `expected`; None: the last quote's is Tomas Veller and the
    others' Ilse Marrow."""
    found = speakers(sentence)
    assert found, f"no quote found in {sentence!r}"
    if expected is None:
        *first, last = found.values()
        assert last[0] == "Tomas Veller" and all(s == "Ilse Marrow" for s, _ in first), found
    else:
        assert all(speaker == expected for speaker, _ in found.values()), found


def test_words_a_speaker_relays_from_another_are_the_other_s() -> None:
    found = speakers("Marrow said, quoting Mayor Tomas Veller, that the town wanted “a "
                     "harbour that joins us”.")  # fmt: skip
    assert found == {"a harbour that joins us": ("Tomas Veller", "Ilse Marrow")}


def test_a_speaker_who_asked_not_to_be_named_is_unnamed_whoever_the_words_name() -> None:
    draft = draft_article(
        INTRO + "One member of the so-called “Quay Group” of Harbour Authority of Nerrick "
        "staff, who asked not to be named, said the talks had “gone nowhere”."
    )
    assert [(q.speaker, q.unnamed) for q in draft.quotes] == [
        (None, "One member of the so-called “Quay Group” of Harbour Authority of Nerrick staff")
    ]


def test_a_pronoun_the_last_speaker_used_of_someone_else_is_a_guess() -> None:
    draft = draft_article(
        INTRO + "Her husband, Pavel Rusk, is used to it. “She is never home,” he said.\n\n"
        "“I married her knowing she would be out two nights a week.”\n\nIn 2009, before "
        "she took over, she told the Nerrick Gazette that she would “never run anything "
        "bigger than a kettle”."
    )
    assert (draft.quotes[-1].text, draft.quotes[-1].guess) == (
        "never run anything bigger than a kettle",
        True,
    )


def test_a_standfirst_giving_part_of_a_quote_below_is_not_another_quote() -> None:
    draft = draft_article(
        "Nerrick Port Stays Shut\n\n• The port’s director says the harbour of Nerrick is “not "
        "out of the woods” after the storm\n\nBy Ana Kell\n\n“The water has stopped "
        "rising, but we are not out of the woods,” Ilse Marrow, the port’s director, said."
    )
    assert [q.text for q in draft.quotes] == [
        "The water has stopped rising, but we are not out of the woods"
    ]


def test_the_words_of_a_reporter_s_question_are_not_a_quote_but_the_answer_is() -> None:
    found = speakers(
        "One reporter asked Marrow whether the port had “gambled and lost” on the deal.\n\n"
        "Asked whether the port would open, Marrow said it would open “when it is safe”."
    )
    assert found == {"when it is safe": ("Ilse Marrow", None)}


def test_a_title_after_the_word_for_the_work_is_not_a_quote() -> None:
    found = speakers(
        "Veller said the town’s own 2019 flood study, “Living with the Tide”, had "
        "recommended a barrier. The word “urgent” appears eleven times in it. A sign on "
        "the quay warns of “strong currents and falling rock”."
    )
    assert found == {}


def test_a_pronoun_the_article_used_of_a_speaker_tells_who_fits() -> None:
    found = speakers(
        "“She taught me everything,” Pavel Rusk said. “I still use it,” he said.\n\n"
        "Accepting a medal in 2003, she told the audience that harbours were “the lungs "
        "of a town”."
    )
    assert found["the lungs of a town"][0] == "Ilse Marrow"


def test_a_quote_that_speaks_of_a_she_said_by_a_she_is_a_guess() -> None:
    draft = draft_article(
        INTRO + "Marrow said she had spoken to Mayor Veller’s deputy, Ana Ruiz. Ms Ruiz told "
        "her the town would “stand behind the port”.\n\n“We will hold the union to "
        "account, and so will she,” she added."
    )
    assert [q.guess for q in draft.quotes if q.text.startswith("We will")] == [True]


def test_a_speaker_reported_by_another_is_not_the_reporter() -> None:
    draft = draft_article(
        INTRO + "Pavel Rusk is furious. Mr Rusk said his rival had once leaned over the fence "
        "and told him: ‘You’ll never grow one bigger than mine.’"
    )
    [quote] = draft.quotes
    assert quote.speaker is None and quote.guess and quote.unnamed == "his rival"


def test_a_speaker_who_gave_only_a_first_name_is_unnamed_and_so_is_she_later() -> None:
    found = speakers(
        "One resident, who gave only her first name, Marta, told us she had left with “two "
        "bags and the cat”.\n\n“The water came up through the floor,” she said."
    )
    assert found == {
        "two bags and the cat": (None, None),
        "The water came up through the floor,".rstrip(","): (None, None),
    }


def test_a_plan_s_term_and_an_exercise_s_name_are_not_quotes() -> None:
    found = speakers(
        "The quay lies in what the Nerrick Harbour Plan calls a “green gap” between the "
        "town and the sea. Veller said the naval exercises «Northern Shield – 2025» would "
        "start next week."
    )
    assert found == {}


def test_one_word_quoted_twice_word_for_word_is_drafted_once() -> None:
    draft = draft_article(
        "Nerrick Port Shuts\n\nOwners of the boats on the quay were told on Tuesday to "
        "leave it “immediately” as the storm came in\n\nBy Ana Kell"
        "\n\nThe Harbour Authority of Nerrick closed the quay on Tuesday, the authority "
        "said, and told owners to leave it “immediately”."
    )
    assert [q.text for q in draft.quotes] == ["immediately"]


def test_she_after_a_sentence_about_the_judge_is_the_judge() -> None:
    draft = draft_article(
        INTRO + "Judge Aurélie Fontaine heard the case. “We will appeal,” said Pavel Rusk, "
        "for the defence.\n\nThe judge refused bail. “The risk is real,” she said."
    )
    assert [(q.speaker.name, q.guess) for q in draft.quotes][-1] == ("Aurélie Fontaine", True)


def test_a_relative_named_as_a_daughter_is_not_he() -> None:
    draft = draft_article(
        INTRO + "Tomas Pike, 78, spent a night on a trolley. His daughter, Rosa Pike, said "
        "he had been “parked by a fire door”.\n\n“Nobody came to see me,” he said."
    )
    last = draft.quotes[-1]
    assert last.speaker is not None and last.speaker.name != "Rosa Pike" and last.guess


def test_what_some_call_something_is_a_name_not_a_quote() -> None:
    found = speakers(
        "Marrow’s films are often filed under what some critics call “slow cinema”, a label "
        "she has said she does not mind."
    )
    assert found == {}


def test_a_pronoun_is_the_last_speaker_not_the_nearest_name() -> None:
    found = speakers(
        "“The mayor is busy,” his spokeswoman, Dana Orrel, said.\n\n"
        "Asked whether Veller would visit the harbour, she said: “He will go on Friday.”"
    )
    assert found["He will go on Friday."][0] == "Dana Orrel"


def test_a_pronoun_after_a_description_is_the_name_in_apposition() -> None:
    found = speakers(
        "“We are ready to talk,” Marrow said.\n\n"
        "A spokeswoman for Veller, Dana Orrel, declined to say when he would visit. Asked "
        "whether he would meet the dockers, she said: “His diary is not finalised.”"
    )
    assert found["His diary is not finalised."][0] == "Dana Orrel"


def test_a_pronoun_after_an_interview_is_the_interviewee() -> None:
    draft = draft_article(
        "Halvik on the glacier\n\n"
        "Dr Runa Halvik has measured the Skarn glacier for twenty years, with her colleague "
        "Piet Vos.\n\n"
        "Q: How fast is it melting?\n\n"
        "A: Faster every summer. We lost forty metres this year.\n\n"
        "Q: What can be done?\n\n"
        "A: Less than people hope, and more than they fear.\n\n"
        "“We are halfway,” she said as she left, “and halfway is nowhere.”"
    )
    said = {q.text: q.speaker.name if q.speaker else None for q in draft.quotes}
    assert said["We are halfway"] == "Runa Halvik", said
    assert said["and halfway is nowhere."] == "Runa Halvik", said


def test_a_quote_alone_after_a_paragraph_that_introduced_someone_is_theirs() -> None:
    draft = draft_article(
        INTRO + "“We are ready to talk,” Marrow said.\n\n"
        "The talks broke up at noon.\n\n"
        "The union’s treasurer, Vera Holm, read a letter from the dockers to the press.\n\n"
        "“We have waited three years. We will not wait a fourth.”"
    )
    [quote] = [q for q in draft.quotes if q.text.startswith("We have waited")]
    assert quote.speaker is not None and quote.speaker.name == "Vera Holm"
    assert quote.guess  # no verb says so: a guess, for the editor to check


def test_the_head_of_a_delegation_headed_by_a_long_title_and_a_name() -> None:
    found = speakers(
        "Veller received a delegation of the Republic of Ostrava headed by the Minister of "
        "Water Resources and Irrigation of the Republic, Anton Belik, on Thursday.\n\n"
        "“We have come to build, not to bargain,” the head of the delegation said."
    )
    assert found["We have come to build, not to bargain"][0] == "Anton Belik"


def test_a_pronoun_after_a_title_with_of_then_the_name() -> None:
    found = speakers(
        "“We are ready to talk,” Marrow said.\n\n"
        "Honoured Docker of the Republic, 78-year-old veteran Vera Holm, who unloaded the first "
        "ship in 1979, was given a medal. “I waited my whole life for this day,” she said."
    )
    assert found["I waited my whole life for this day"][0] == "Vera Holm"


def test_a_pronoun_after_reported_speech_is_who_was_reported() -> None:
    found = speakers(
        "“We are ready to talk,” Marrow said.\n\n"
        "Storms are rare in May, said Dr Oren Falk, a forecaster at the Nerrick Institute.\n\n"
        "“It is unusual to see this in spring,” he said."
    )
    assert found["It is unusual to see this in spring"][0] == "Oren Falk"


def test_a_pronoun_follows_a_chain_of_pronouns_back_to_a_name() -> None:
    found = speakers(
        "“We are ready to talk,” Marrow said.\n\n"
        "Outside the gates stood Vera Holm, 71, a docker’s widow. She said she had come every "
        "day. “Nobody asks us,” she said."
    )
    assert found["Nobody asks us"][0] == "Vera Holm"


def test_a_spokesperson_speaks_for_the_body() -> None:
    found = speakers(
        "A spokesman for the Nerrick Dockers’ Union said talks would resume on Friday.\n\n"
        "“We are not going anywhere,” he said."
    )
    assert found["We are not going anywhere"][0] == "Nerrick Dockers’ Union"


def test_a_part_of_a_compound_surname_is_the_person() -> None:
    found = speakers(
        "The harbour’s pilot, Ignacio de la Cruz Ortega, was at the quay.\n\n"
        "De la Cruz was angry. He described the quay as “a swimming pool with bollards”."
    )
    assert found["a swimming pool with bollards"][0] == "Ignacio de la Cruz Ortega"


def test_an_office_after_the_first_mention() -> None:
    found = speakers(
        "President Anika Tormund received the delegation in the Amber Hall.\n\n"
        "The Head of State noted that ties «have entered a new stage».\n\n"
        "Chairman of the Harbour Board Lev Sarna met the dockers. The Chairman of the Board "
        "stressed that the port «will reopen within days»."
    )
    assert found["have entered a new stage"][0] == "Anika Tormund"
    assert found["will reopen within days"][0] == "Lev Sarna"


def test_an_office_whose_body_has_and_in_its_name() -> None:
    found = speakers(
        "Minister of Fisheries and Harbour Works Aino Kettel met the dockers on Monday.\n\n"
        "The Minister of Fisheries and Harbour Works emphasised that wages would be paid "
        "«in full and on time»."
    )
    assert found["in full and on time"][0] == "Aino Kettel"


def test_an_age_a_first_name_and_a_relative() -> None:
    found = speakers(
        "Docker Vera Holm, 71, was at the gates with her son, Anton Holm.\n\n"
        "“Nobody asks us,” the 71-year-old said.\n\n"
        "Anton, 44, said he had come straight from work. “We are tired,” he said."
    )
    assert found["Nobody asks us"][0] == "Vera Holm"
    assert found["We are tired"][0] == "Anton Holm"


def test_an_answer_to_a_question_is_the_other_speaker() -> None:
    found = speakers(
        "Marrow spoke to the presenter, Joss Keel, on Nerrick Radio.\n\n"
        "“Will the port open on Friday?” Keel asked.\n\n"
        "“It will open when it is safe,” Marrow replied.\n\n"
        "“Is that a yes or a no?” Keel asked.\n\n"
        "“It is an answer,” she replied."
    )
    assert found["It is an answer"][0] == "Ilse Marrow"


def test_a_one_word_answer_is_a_quote_and_a_nickname_is_not() -> None:
    found = speakers(
        "“No,” Marrow said when asked whether the port would open.\n\n"
        "Crane driver Oskar Lind — “Hook” to his crew — worked through the night, Marrow added."
    )
    assert found == {"No": ("Ilse Marrow", None)}


def test_the_body_a_description_names_is_the_one_the_article_is_about() -> None:
    found = speakers(
        "Kaleva Cellworks Ltd cut its forecast on Monday, and Kaleva Cellworks Ltd shares "
        "fell.\n\nKaleva Cellworks Ltd supplies Daesan Industries, which has cut orders.\n\n"
        "“We are adjusting production,” the company said in a filing."
    )
    assert found["We are adjusting production"][0] == "Kaleva Cellworks Ltd"


def test_a_name_described_as_a_company_is_a_body() -> None:
    found = speakers(
        "Kaleva Cellworks, the battery maker that listed in 2021, cut its forecast.\n\n"
        "“We are adjusting production,” Kaleva Cellworks said."
    )
    draft = draft_article(
        INTRO + "Kaleva Cellworks, the battery maker that listed in 2021, cut its forecast."
    )
    assert {a.name: a.kind for a in draft.actors}["Kaleva Cellworks"] == "organisation"
    assert found["We are adjusting production"][0] == "Kaleva Cellworks"
    draft = draft_article(
        INTRO + "The port operator, Velmar Terminals, said its offer was "
        "“final”. A member of the union, Pavel Rusk, said: “No.”"
    )
    kinds = {a.name: a.kind for a in draft.actors}
    assert kinds["Velmar Terminals"] == "organisation" and kinds["Pavel Rusk"] == "person"
    draft = draft_article(
        INTRO + "Orrel Sweets, the Nerrick-based confectioner, said profit "
        "fell. Analysts at Brell Capital called it “weak”."
    )
    kinds = {a.name: a.kind for a in draft.actors}
    assert kinds["Orrel Sweets"] == kinds["Brell Capital"] == "organisation"


def test_a_pronoun_the_last_speaker_cannot_be_is_a_guess() -> None:
    draft = draft_article(
        INTRO + "“We will appeal,” Mr Pavel Rusk said.\n\n"
        "The harbourmaster was calm. Asked about Friday, she said: “We will open.”"
    )
    quote = next(q for q in draft.quotes if q.text == "We will open.")
    assert quote.guess


def test_a_pronoun_after_someone_unnamed_spoke_is_a_guess() -> None:
    draft = draft_article(
        INTRO + "“We will appeal,” Pavel Rusk said.\n\n"
        "The minister, for his part, told reporters that talks would go on.\n\n"
        "“We will meet in October,” he said."
    )
    quote = next(q for q in draft.quotes if q.text.startswith("We will meet"))
    assert quote.guess


def test_words_a_complaint_used_are_not_the_speakers() -> None:
    found = speakers(
        "The council told Marrow that the crane must stop after a single complaint that it "
        "was “shrieking all night”.\n\n"
        "The authority said in its report that the plans were “broadly sound”."
    )
    assert found["shrieking all night"][0] is None
    assert found["broadly sound"][0] == "Harbour Authority of Nerrick"


def test_a_quote_block_signed_in_the_next_paragraph() -> None:
    """A press release's quote, signed below it; its title is not a person."""
    draft = draft_article(
        INTRO + "“We saw no signal at all in the trial.”\n\n"
        "— Professor Ana Ruiz-Okafor, Chief Medical Officer of the Nerrick Clinic"
    )
    [quote] = draft.quotes
    assert quote.speaker is not None and quote.speaker.name == "Ana Ruiz-Okafor"
    assert "Medical Officer" not in {a.name for a in draft.actors}
    draft = draft_article(  # signed on the next line, by someone the article names nowhere else
        INTRO + "“Batteries are the grid’s shock absorbers now.”\n"
        "— Oskar Brel-Dahl, Chair of the Board, Nerrick Crane Company\n\nThe deal closes in May."
    )
    [quote] = draft.quotes
    assert quote.speaker is not None and quote.speaker.name == "Oskar Brel-Dahl"


def test_another_reader_is_unnamed_and_a_letter_quoted_below_is_its_writers() -> None:
    found = speakers(
        "Agnes Brell, who is 83, wrote to me last month. I will quote her at length.\n\n"
        "“I do not have a smartphone and I do not want one.”\n\n"
        "Another reader, a retired driver, wrote: “I drove the 47 for thirty years.”"
    )
    assert found["I do not have a smartphone and I do not want one."][0] == "Agnes Brell"
    assert found["I drove the 47 for thirty years."][0] is None


def test_a_verb_after_someone_elses_quote_has_its_own_subject() -> None:
    found = speakers(
        "Pavel Rusk, a partner at Velmar Crane Partners, said: “We backed them early.” Velmar "
        "said the sale would return “four times” the money."
    )
    assert found["We backed them early."][0] == "Pavel Rusk"
    assert found["four times"][0] == "Velmar Crane Partners"


def test_firms_by_their_names_and_the_company_is_not_the_exchange_it_files_with() -> None:
    draft = draft_article(
        INTRO + "Kaleva Cellworks Ltd cut its forecast. Its shares fell on the Nerrick Stock "
        "Exchange, where trading was halted.\n\n"
        "In a filing with the Nerrick Stock Exchange, the company said demand was “weak”. "
        "Tollard & Finch and Haverley Stroud LLP advised it."
    )
    kinds = {a.name: a.kind for a in draft.actors}
    assert kinds["Tollard & Finch"] == kinds["Haverley Stroud LLP"] == "organisation"
    [quote] = draft.quotes
    assert quote.speaker is not None and quote.speaker.name == "Kaleva Cellworks Ltd"


def test_a_quote_after_a_colon_ending_someone_elses_sentence() -> None:
    found = speakers(
        "“We will appeal,” Pavel Rusk said.\n\n"
        "A season-ticket holder waiting outside the ground summed up the mood: “Two-one is "
        "nice.”\n\nMarrow looked at the crowd and smiled: “We are ready.”"
    )
    assert found["Two-one is nice."][0] is None
    assert found["We are ready."][0] == "Ilse Marrow"


def test_a_speaker_given_by_a_description_only_is_a_guess_and_by_name_is_not() -> None:
    draft = draft_article(
        INTRO + "“The port will stay closed,” the authority said.\n\n"
        "“We are ready to talk,” Marrow said. “Not today,” she added."
    )
    guesses = {q.text: (q.speaker.name if q.speaker else None, q.guess) for q in draft.quotes}
    assert guesses == {
        "The port will stay closed": ("Harbour Authority of Nerrick", True),
        "We are ready to talk": ("Ilse Marrow", False),
        "Not today": ("Ilse Marrow", False),
    }


UNNAMED_AFTER_A_NAMED_SPEAKER = [
    ("a pronoun after an unnamed speaker is theirs", "A waiter at the ferry port said he had "
     "left everything behind. “The sky was orange at eleven,” he said."),
    ("a speaker given by first name only", "At the quay, a waiter who gave his name only as "
     "Tiago said he had left everything. “The sky was orange at eleven,” he said."),
    ("'But one neighbour'", "But one neighbour, who did not want to be named, told the Nerrick "
     "Gazette: “The sky was orange at eleven.”"),
]  # fmt: skip


@pytest.mark.parametrize(("case", "paragraph"), UNNAMED_AFTER_A_NAMED_SPEAKER,
                         ids=[c[0] for c in UNNAMED_AFTER_A_NAMED_SPEAKER])  # fmt: skip
def test_an_unnamed_speaker_after_a_named_one_stays_unnamed(case: str, paragraph: str) -> None:
    found = speakers("“We will appeal,” Pavel Rusk said.\n\n" + paragraph)
    assert found["We will appeal"][0] == "Pavel Rusk"
    [(text, (speaker, _))] = [(t, s) for t, s in found.items() if t.startswith("The sky")]
    assert speaker is None, (case, text)


def unnamed_guesses(body: str) -> dict[str, tuple[str | None, str, bool]]:
    """Each quote's speaker, unnamed description and guess flag."""
    draft = draft_article(INTRO + body)
    return {q.text: (q.speaker.name if q.speaker else None, q.unnamed, q.guess)
            for q in draft.quotes}  # fmt: skip


def test_sources_close_to_someone_are_not_that_person() -> None:
    found = unnamed_guesses("Sources close to Veller said the mayor was “deeply frustrated”.")
    assert found["deeply frustrated"][:2] == (None, "Sources close to Veller")


def test_they_after_a_group_of_people_is_that_group_not_the_last_speaker() -> None:
    found = unnamed_guesses(
        "“We will reopen when it is safe,” Marrow said.\n\n"
        "Three pilots from Nerrick who had waited all night stood at the gate. "
        "“We want to go home,” they said."
    )
    assert found["We want to go home"] == (None, "Three pilots from Nerrick", True)


def test_they_is_not_sure_to_be_the_one_person_who_spoke_last() -> None:
    found = unnamed_guesses(
        "“We will reopen when it is safe,” Marrow said.\n\n"
        "Corvell Moorings did not answer questions about the berths. "
        "“We have offered fair terms,” they said in an email."
    )
    assert found["We have offered fair terms"][2] is True


def test_the_sentence_before_a_pronoun_runs_on_after_p_m() -> None:
    found = unnamed_guesses(
        "“We will reopen when it is safe,” Marrow said.\n\n"
        "The harbour pilot, Piet Andersen, handed the watch to Marrow at 10 p.m. and was "
        "asleep when the crane fell. “I was on the floor before I was awake,” he said."
    )
    assert found["I was on the floor before I was awake"][0] == "Piet Andersen"


def test_said_the_someone_the_article_does_not_name_is_unnamed_not_a_pronoun_after() -> None:
    found = unnamed_guesses(
        "“We will reopen when it is safe,” Marrow said.\n\n"
        "“I had my boots on before the horn stopped,” said the skipper of one of the "
        "boats, who asked not to be named because he had not told his insurer."
    )
    assert found["I had my boots on before the horn stopped"] == (
        None, "the skipper of one of the boats", False
    )  # fmt: skip


def test_a_spokesperson_of_no_body_speaks_for_the_body_the_sentence_is_about() -> None:
    found = unnamed_guesses(
        "North Nerrick Police closed the quay road “until the cranes are safe”, a spokesperson "
        "said."
    )
    assert found["until the cranes are safe"] == ("North Nerrick Police", "", True)


def test_someone_described_and_named_later_by_the_same_words_is_that_person() -> None:
    found = unnamed_guesses(
        "“The crane just folded,” said a retired docker who was fishing from the quay.\n\n"
        "The retired docker, Piet Andersen, 71, said he had called the harbour office."
    )
    assert found["The crane just folded"] == ("Piet Andersen", "", True)


def test_a_quote_going_on_that_names_its_speaker_by_first_name_is_a_guess() -> None:
    found = unnamed_guesses(
        "The union’s leader, Jonas Brek, has called her “the best director we have had”. "
        "She laughs.\n\n"
        "“Jonas says that about everyone who signs a pay deal with him.”"
    )
    assert found["Jonas says that about everyone who signs a pay deal with him."][2] is True


def test_a_quote_alone_then_that_was_someone_is_theirs_as_a_guess() -> None:
    found = unnamed_guesses(
        "“She talked us in for four hours on the radio.”\n\n"
        "That was the skipper of the trawler Kestrel, Piet Andersen, now 84."
    )
    assert found["She talked us in for four hours on the radio."] == ("Piet Andersen", "", True)


def test_words_someone_would_say_according_to_another_are_a_guess() -> None:
    found = unnamed_guesses(
        "“Never trust a calm morning,” she would tell every new docker, according to Ilse Marrow."
    )
    assert found["Never trust a calm morning"][2] is True


def test_the_subject_of_a_clause_opening_with_when_does_not_introduce_the_quote() -> None:
    found = unnamed_guesses(
        "When Marrow took over the port in 1999 her father left a note in the desk, and "
        "Piet Andersen reads it to me now: “Keep the cranes oiled and the books honest.”"
    )
    assert found["Keep the cranes oiled and the books honest."][0] != "Ilse Marrow"


def test_words_someone_reads_out_are_a_guess_for_them() -> None:
    found = unnamed_guesses(
        "Piet Andersen read the letter aloud to the meeting: “Keep the cranes oiled and the "
        "books honest.”"
    )
    assert found["Keep the cranes oiled and the books honest."] == ("Piet Andersen", "", True)


def test_she_is_not_a_man_the_article_introduced_with_he_is() -> None:
    found = unnamed_guesses(
        "He is her press officer, Piet Andersen, and he will be back twice more. "
        "“You have the dockers at ten,” Andersen tells her.\n\n"
        "She stands and takes her coat. “I am here to get the port open,” she says."
    )
    assert found["I am here to get the port open"][0] != "Piet Andersen"


def test_someone_described_then_identified_as_a_named_person_is_that_person() -> None:
    found = unnamed_guesses(
        "“Nobody wants the port shut a day longer,” a member of the union’s delegation told "
        "reporters. The official was later identified by the union as its treasurer "
        "Piet Andersen."
    )
    assert found["Nobody wants the port shut a day longer"] == ("Piet Andersen", "", True)


def test_a_statement_that_read_in_part_is_found_over_its_paragraphs() -> None:
    draft = draft_article(
        INTRO + "The Harbour Authority of Nerrick issued a statement on Monday night.\n\n"
        'The statement read in part, "The port will reopen on Friday at six.\n\n'
        '"Dockers will be paid for the days it was shut."'
    )
    quotes = {q.text: q for q in draft.quotes}
    said = (
        "The port will reopen on Friday at six.\n\nDockers will be paid for the days it was shut."
    )
    assert said in quotes, list(quotes)
    assert quotes[said].speaker.name == "Harbour Authority of Nerrick"


def test_a_short_line_of_dialogue_alone_in_its_paragraph_is_a_quote() -> None:
    found = unnamed_guesses("Marrow hands the learner the keys.\n\n“Mirror.”\n\n“Which exit?”")
    assert {"Mirror.", "Which exit?"} <= set(found)


def test_words_a_document_is_said_to_describe_something_as_are_quoted() -> None:
    found = unnamed_guesses(
        "The Harbour Authority of Nerrick’s own papers describe the payment as “temporary "
        "support” and set aside nothing for it."
    )
    assert found["temporary support"][0] == "Harbour Authority of Nerrick"


def test_a_name_after_a_description_of_what_they_do_is_a_person() -> None:
    found = unnamed_guesses(
        "“We will reopen when it is safe,” Marrow said.\n\n"
        "The union backbencher Piet Andersen was one of three members to vote against. "
        "“I could not look the dockers in the eye,” he said."
    )
    assert found["I could not look the dockers in the eye"][0] == "Piet Andersen"


def test_a_first_name_given_only_is_no_actor_when_it_says_something_later() -> None:
    body = (
        "The young docker from the quay, who gave his name only as Tiago, 19, said the "
        "crane had fallen.\n\n“I was not leaving him there,” Tiago told the Nerrick Gazette."
    )
    assert unnamed_guesses(body)["I was not leaving him there"] == (None, "Tiago", False)
    assert "Tiago" not in {actor.name for actor in draft_article(INTRO + body).actors}


def test_a_body_with_and_in_its_name_says_it_whole() -> None:
    found = unnamed_guesses(
        "The Dock and Harbour Trust said the quay was “safe for now, and only for now”."
    )
    assert found["safe for now, and only for now"][0] == "Dock and Harbour Trust"


def test_she_after_a_sentence_about_someone_given_a_first_name_only_is_unnamed() -> None:
    found = unnamed_guesses(
        "“We will reopen when it is safe,” Marrow said.\n\n"
        "Eleven-year-old Mia, who learned to swim off the quay, also spoke. "
        "“Where are we meant to swim now?” she said."
    )
    assert found["Where are we meant to swim now?"][:2] == (None, "Eleven-year-old Mia")


def test_words_told_by_someone_before_a_she_says_aside_are_theirs_not_hers() -> None:
    found = unnamed_guesses(
        "“We will reopen when it is safe,” Marrow said.\n\n"
        "Her favourite came from one at the Nerrick test centre, she says, who told her "
        "that her pupils were “the only ones who indicate in car parks”."
    )
    assert found["the only ones who indicate in car parks"] == (
        None, "one at the Nerrick test centre", True
    )  # fmt: skip


def test_a_speaker_the_first_paragraph_describes_is_whom_the_second_names() -> None:
    draft = draft_article(
        "Docker Denies Theft at Nerrick\n\n"
        "A crane driver on trial for theft said on Wednesday that he had “never taken a "
        "thing that was not mine”.\n\n"
        "Piet Andersen, 44, of Nerrick, denies three counts of theft."
    )
    [quote] = draft.quotes
    assert (quote.speaker.name, quote.guess) == ("Piet Andersen", True)


def test_the_subject_is_before_accused_of_not_the_last_words_before_the_verb() -> None:
    found = unnamed_guesses(
        "A crane driver accused of taking £40,000 from the union told a jury on Wednesday "
        "that he had “never taken a thing that was not mine”."
    )
    assert found["never taken a thing that was not mine"][:2] == (None, "A crane driver")


def test_a_pronoun_after_a_person_described_and_not_named_is_theirs_as_a_guess() -> None:
    found = unnamed_guesses(
        "“We will reopen when it is safe,” Marrow said.\n\n"
        "Another docker, who gave his name only as Piet, lent the union his van. "
        "“It was just sitting there,” he said."
    )
    assert found["It was just sitting there"] == (None, "Another docker", True)


def test_a_quote_alone_in_its_paragraph_is_of_whom_the_next_paragraph_names() -> None:
    found = unnamed_guesses(
        "“We will reopen when it is safe,” Marrow said.\n\n"
        "“We are not against ships. We are against this many ships.”\n\n"
        "Those were the words of Tomas Veller, who spoke for an hour.\n\n"
        "“Nobody told me. I found out on the radio.”\n\n"
        "The man who found out last was Pavel Rusk, who was on holiday."
    )
    assert found["We are not against ships. We are against this many ships."] == (
        "Tomas Veller", "", False)  # fmt: skip
    assert found["Nobody told me. I found out on the radio."] == ("Pavel Rusk", "", True)


def test_someone_reported_as_telling_the_speaker_is_the_speaker_as_a_guess() -> None:
    found = unnamed_guesses(
        "Marrow said a member of staff had told her at eight that the ships were “on their "
        "way”. Veller said the union had demanded a deal “on the basis of a study nobody "
        "has seen”."
    )
    assert found["on their way"] == (None, "a member of staff", True)
    assert found["on the basis of a study nobody has seen"][0] == "Tomas Veller"


COURT = (
    "Treasurer Jailed Over Band Funds\n\n"
    "Oskar Brel, 52, was jailed at Nerrick Crown Court on Friday after the Regional "
    "Prosecution Service showed he had taken the band's savings.\n\n"
)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Prosecuting, Anna Veld said: “He took every penny.”", "Anna Veld"),
        ("Prosecutors said the loss was “devastating for the band”.",
         "Regional Prosecution Service"),
        ("In a statement, the Regional Prosecution Service welcomed the verdict. “Justice has "
         "been done,” the statement said.", "Regional Prosecution Service"),
    ],
    ids=["prosecuting-comma", "prosecutors", "the-statement-said"],
)  # fmt: skip
def test_court_report_attribution(sentence: str, expected: str) -> None:
    found = speakers(sentence, intro=COURT)
    assert found and all(s == expected for s, _ in found.values()), found


def test_a_spokesperson_for_a_body_named_in_lower_case() -> None:
    found = speakers(
        "Nerrick Town Council closed the quay on Monday.\n\n"
        "A spokesperson for the council said the quay would reopen “when it is safe”."
    )
    assert found["when it is safe"][0] == "Nerrick Town Council"


def said_in(article: str) -> dict[str, str | None]:
    """Each quote of a whole article and its speaker's name."""
    return {q.text: q.speaker.name if q.speaker else None for q in draft_article(article).quotes}


def test_a_broadcast_transcript_with_two_guests() -> None:
    said = said_in(
        "Rail strike: what happens next\n\n"
        "Union leader Pavel Rusk and rail chief Mira Sand spoke to Nerrick Radio.\n\n"
        "PRESENTER: Will the trains run on Friday?\n\n"
        "RUSK: Not one train will leave the depot.\n\n"
        "PRESENTER: Is that fair on passengers?\n\n"
        "SAND: We will run a reduced service, whatever the union says."
    )
    assert said == {
        "Not one train will leave the depot.": "Pavel Rusk",
        "We will run a reduced service, whatever the union says.": "Mira Sand",
    }


def test_a_letter_inside_a_name_is_not_a_quote_mark() -> None:
    found = speakers("Minister Bahodir G‘aniyev said: «The canal opens in May.»")
    assert found == {"The canal opens in May.": ("Bahodir G‘aniyev", None)}


def test_a_relaying_channel_is_the_via_not_the_speaker() -> None:
    found = speakers("“The talks will go on,” Marrow said, according to the Nerrick Gazette.")
    assert found["The talks will go on"] == ("Ilse Marrow", "Nerrick Gazette")


def test_an_unnamed_source_stays_unnamed_and_is_never_merged() -> None:
    draft = draft_article(
        INTRO + "“Nobody expected this to last a week,” a senior port official said.\n\n"
        "“We have no money left,” one docker told the Nerrick Gazette."
    )
    unnamed = {q.text: (q.speaker, q.unnamed) for q in draft.quotes if q.speaker is None}
    assert unnamed == {
        "Nobody expected this to last a week": (None, "a senior port official"),
        "We have no money left": (None, "one docker"),
    }


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("‘We don’t know what O’Neill wants,’ Marrow said.", "We don’t know what O’Neill wants"),
        ("‘The dockers’ anger is real,’ Marrow said.", "The dockers’ anger is real"),
        ("Marrow said: 'It's over for the season.'", "It's over for the season."),
        ("Marrow said: «Le port reste fermé.»", "Le port reste fermé."),
        ("Marrow said: „The port stays shut.“", "The port stays shut."),
        ("“He told me ‘never again’,” Marrow said.", "He told me ‘never again’"),
    ],
    ids=[
        "single-apostrophes",
        "plural-possessive",
        "straight-single",
        "guillemets",
        "german",
        "nested",
    ],
)
def test_quote_marks(body: str, expected: str) -> None:
    assert list(speakers(body)) == [expected]


def test_an_apostrophe_is_never_a_quote_mark() -> None:
    body = (
        "The dockers’ union, which O’Neill led in the ’90s, rock ’n’ roll fans, and "
        "Marrow’s staff met."
    )
    assert speakers(body) == {}


def test_a_quote_running_over_paragraphs_is_one_quote() -> None:
    found = speakers(
        "Marrow said: “We waited four hours.\n\n“Nobody came.\n\n“We will wait again tomorrow.”"
    )
    assert found == {
        "We waited four hours. Nobody came. We will wait again tomorrow.".replace(". ", ".\n\n"): (
            "Ilse Marrow",
            None,
        )
    }


def test_a_crosshead_repeating_a_quote_below_it_is_not_another_quote() -> None:
    draft = draft_article(
        INTRO + "Marrow: “We are ready to talk”\n\n"
        "Ilse Marrow said on Tuesday: “We are ready to talk. The union knows where to find "
        "us.”"
    )
    assert [q.text for q in draft.quotes] == ["We are ready to talk. The union knows where to "
                                              "find us."]  # fmt: skip


def test_a_crosshead_giving_a_quote_below_word_for_word_is_not_another_quote() -> None:
    draft = draft_article(
        INTRO + "Marrow said the talks had failed.\n\n‘Only ready to talk on Monday’\n\nThe "
        "authority was “only ready to talk on Monday” at the earliest, Veller told reporters."
    )
    assert [(q.text, q.speaker.name) for q in draft.quotes] == [
        ("only ready to talk on Monday", "Tomas Veller")
    ]


def test_a_quote_given_again_word_for_word_is_drafted_once() -> None:
    draft = draft_article(
        "Nerrick Port Stays Shut\n\nMarrow says the port will open “when the union is "
        "ready” and not before\n\nBy Ana Kell\n\nIlse Marrow, the port’s director, said "
        "on Tuesday that the harbour would open “when the union is ready”."
    )
    assert [(q.text, q.speaker.name, q.guess) for q in draft.quotes] == [
        ("when the union is ready", "Ilse Marrow", False)
    ]


def test_what_a_banner_or_a_placard_says_is_not_a_quote() -> None:
    found = speakers(
        "“Hands off our harbour”, say the banners on the dock gates.\n\nDockers carried "
        "placards reading “No deal, no ships” past the town hall, where Marrow said the "
        "talks were “not over”."
    )
    assert found == {"not over": ("Ilse Marrow", None)}


def test_scare_quotes_and_titles_are_not_quotes() -> None:
    found = speakers(
        "The so-called “harbour deal” was shown in the film “Nights of Nerrick” last year.\n\n"
        "Marrow’s study, “Silt and tide at the Nerrick bar, 2010–2020”, appears in a journal."
    )
    assert found == {}


def test_a_name_for_something_is_not_a_quote_even_beside_a_verb_of_saying() -> None:
    found = speakers(
        "Marrow said the so-called “harbour plan” had failed.\n\n"
        "A retired driver who signs his letters only ‘Ken from Oldacre’ wrote: ‘I drove the "
        "47 for thirty years.’\n\nThe council found the money for a new “vision” first."
    )
    assert list(found) == ["I drove the 47 for thirty years."]


def test_an_anonymous_source_speaking_on_condition_of_anonymity() -> None:
    draft = draft_article(
        INTRO + "A senior port official, speaking on condition of anonymity, told us the mood "
        "was “grim, frankly”."
    )
    assert [(q.text, q.speaker, q.unnamed) for q in draft.quotes] == [
        ("grim, frankly", None, "A senior port official")
    ]


def test_a_quote_only_in_the_headline_is_kept_with_its_speaker() -> None:
    draft = draft_article(
        "‘We will not be moved’ says Nerrick mayor\n\n" + INTRO.split("\n\n", 1)[1]
        + "Veller spoke outside the town hall on Tuesday evening to a crowd of dockers."
    )  # fmt: skip
    assert [(q.text, q.speaker.name if q.speaker else None) for q in draft.quotes] == [
        ("We will not be moved", "Tomas Veller")
    ]


def test_a_quote_that_speaks_of_its_speaker_found_by_a_pronoun_by_title_is_a_guess() -> None:
    found = unnamed_guesses(
        "“We will reopen the port,” Marrow said. Veller called the closure “a disgrace”.\n\n"
        "“The mayor is welcome to visit the port any day,” he added."
    )
    assert found["a disgrace"] == ("Tomas Veller", "", False)
    assert found["The mayor is welcome to visit the port any day"][2]


def test_what_a_spokesperson_speaks_for_is_a_body_whole() -> None:
    draft = draft_article(
        INTRO + "A spokesperson for Brennick Cycle Stores, which sold half of the bikes, said "
        "the chain would give owners “a free loan bike while they wait”."
    )
    assert [(q.speaker.name, q.speaker.kind) for q in draft.quotes if q.speaker] == [
        ("Brennick Cycle Stores", "organisation")
    ]


def test_names_in_any_script_are_actors() -> None:
    draft = draft_article(
        "Velmora Cup Final\n\n"
        "“We played for the whole town,” said coach José Ángel Ibarra after the final.\n\n"
        "Striker Łucja Wąsik, 24, scored twice. “I never doubted it,” Wąsik said.\n\n"
        "The referee, Şebnem Yıldız, was praised by both clubs for a calm match."
    )
    names = {a.name for a in draft.actors if a.kind == "person"}
    assert {"José Ángel Ibarra", "Łucja Wąsik", "Şebnem Yıldız"} <= names
    assert {q.speaker.name for q in draft.quotes if q.speaker} == {
        "José Ángel Ibarra",
        "Łucja Wąsik",
    }


def test_an_interview_in_questions_and_answers() -> None:
    draft = draft_article(
        "‘The glacier is leaving us’: an interview\n\n"
        "Dr Runa Halvik has measured the Skarn glacier for twenty years.\n\n"
        "Q: How fast is it melting?\n\n"
        "A: Faster every summer. We lost forty metres this year.\n\n"
        "Q: What can be done?\n\n"
        "A: Less than people hope, and more than they fear."
    )
    answers = [(q.text, q.speaker.name if q.speaker else None) for q in draft.quotes]
    assert ("Faster every summer. We lost forty metres this year.", "Runa Halvik") in answers
    assert ("Less than people hope, and more than they fear.", "Runa Halvik") in answers


@pytest.mark.parametrize(
    ("header", "authors", "outlet"),
    [
        ("By Mira Halden, The Nerrick Gazette", ["Mira Halden"], "The Nerrick Gazette"),
        ("By Mira Halden and Jo Pike", ["Mira Halden", "Jo Pike"], None),
        ("Mira Halden | Nerrick Gazette", ["Mira Halden"], "Nerrick Gazette"),
        ("Mira Halden, Political Correspondent", ["Mira Halden"], None),
        ("By Mira Halden in Nerrick and Jo Pike in Port Ostra", ["Mira Halden", "Jo Pike"], None),
        ("By Mira Halden at Brenn Park", ["Mira Halden"], None),
        ("Mira Halden and Jo Pike\n\n16 September 2025", ["Mira Halden", "Jo Pike"], None),
        ("Mira Halden\n\nNRB News, Nerrick", ["Mira Halden"], "NRB News"),
        ("Mira Halden\n\nOpinion\n\nSun 14 Sep 2025 08.00 BST", ["Mira Halden"], None),
        ("Author: Mira Halden\n\nPublished: 6:41 PM March 3, 2025", ["Mira Halden"], None),
        ("By Mira Halden, NRB Westmoor", ["Mira Halden"], "NRB Westmoor"),
        ("Mira Halden Diplomatic editor, and Jo Pike in Ostra\n\nMonday 12 October 2026",
         ["Mira Halden", "Jo Pike"], None),
        ("Mira Halden\n\nSenior Fellow, Ports Programme\n\n20 October 2026", ["Mira Halden"],
         None),
        ("Mira Halden, Nerrick\n\nThursday 15 October 2026, 12.01am, The Courier",
         ["Mira Halden"], "The Courier"),
        ("By Mira Halden\n\nValley Record staff writer\n\nOct 16, 2026", ["Mira Halden"],
         "Valley Record"),
        ("By MIRA HALDEN, Chief Reporter, in Ostra", ["Mira Halden"], None),
        ("Live reporting by Mira Halden\n\nNerrick Today | Wednesday 14 October 2026 | Last "
         "updated 23:55", ["Mira Halden"], "Nerrick Today"),
    ],
)  # fmt: skip
def test_bylines(header: str, authors: list[str], outlet: str | None) -> None:
    article = read_article(
        f"Port Stays Shut\n\n{header}\n\nThe harbour stayed closed on Tuesday as the talks "
        "broke down again.\n\nThe dockers said they would meet again on Friday morning."
    )
    assert (article.authors, article.outlet) == (authors, outlet)
    assert article.paragraphs[0].startswith("The harbour stayed closed")


def test_dateline_outlet_date_and_photo_credit() -> None:
    article = read_article(
        "Port Stays Shut\n\n"
        "Published 3 March 2025\n\n"
        "Dockers outside the gates on Monday.\nPhoto: Ana Brel/Example Images\n\n"
        "NERRICK, March 3 (Example Wire) — The harbour stayed closed on Tuesday as the "
        "talks broke down again.\n\nThe dockers said they would meet again on Friday."
    )
    assert article.outlet == "Example Wire"
    assert article.date == dt.date(2025, 3, 3)
    assert article.captions == [("Dockers outside the gates on Monday.", "Ana Brel/Example Images")]
    assert article.paragraphs[0].startswith("NERRICK, March 3")


def test_a_standfirst_before_the_byline_and_a_byline_in_capitals() -> None:
    article = read_article(
        "Port Stays Shut\n\nDockers say they will not return until the pay offer is doubled\n\n"
        "By MIRA HALDEN FOR THE NERRICK GAZETTE\nWednesday, 18 June 2025\n\n"
        "NERRICK (NW) — The harbour stayed closed on Tuesday as the talks broke down.\n\n"
        "The dockers said they would meet again on Friday morning.\n\n"
        "© 2025 Nerrick Wire. All rights reserved."
    )
    assert article.authors == ["Mira Halden"]
    assert article.date == dt.date(2025, 6, 18)
    assert article.outlet == "THE NERRICK GAZETTE"


def test_a_dateline_abbreviation_is_the_copyright_name() -> None:
    article = read_article(
        "Port Stays Shut\n\nNERRICK (NW) — The harbour stayed closed on Tuesday as the "
        "talks broke down.\n\nThe dockers said they would meet again on Friday.\n\n"
        "© 2025 Nerrick Wire. All rights reserved."
    )
    assert article.outlet == "Nerrick Wire"


def test_a_sentence_with_a_slash_is_not_a_photo_credit() -> None:
    article = read_article(
        "Port Stays Shut\n\nPicture: Ana Brel/Nerrick Images\n\n"
        "The harbour stayed closed on Tuesday as the talks broke down.\n\n"
        "The helpline for dockers' families is open 24/7"
    )
    assert article.paragraphs[-1] == "The helpline for dockers' families is open 24/7"
    assert article.captions == [(None, "Ana Brel/Nerrick Images")]


def test_single_line_breaks_between_paragraphs() -> None:
    article = read_article(
        "Port Stays Shut\nThe harbour stayed closed on Tuesday as the talks broke down.\n"
        "“We are ready to talk,” Ilse Marrow said.\nThe dockers will meet on Friday.\n"
    )
    assert article.headline == "Port Stays Shut"
    assert len(article.paragraphs) == 3


def test_a_saved_web_page_is_read_for_its_article() -> None:
    html = (
        "<!doctype html><html><head><title>Port Stays Shut | Nerrick Gazette</title>"
        '<meta property="og:title" content="Port Stays Shut">'
        '<meta name="author" content="Mira Halden">'
        '<meta property="og:site_name" content="Nerrick Gazette">'
        '<meta property="article:published_time" content="2025-03-03T08:00:00Z"></head>'
        "<body><nav><a href='/'>Home</a> <a href='/sport'>Sport</a></nav><article>"
        "<h1>Port Stays Shut</h1><p>The harbour of Nerrick stayed closed on Tuesday as "
        "talks between the dockers and the port broke down for the third time.</p>"
        "<p>“We are ready to talk, but not at any price,” Ilse Marrow, the port’s "
        "director, said after the meeting.</p><p>The dockers will meet again on Friday "
        "to decide whether the strike goes on.</p></article>"
        "<footer>© 2025 Nerrick Gazette. Cookies help us.</footer></body></html>"
    )
    draft = draft_article(html)
    assert draft.title == "Port Stays Shut"
    assert draft.outlet == "Nerrick Gazette" and draft.authors == ["Mira Halden"]
    assert draft.published == dt.date(2025, 3, 3)
    assert [(q.text, q.speaker.name) for q in draft.quotes if q.speaker] == [
        ("We are ready to talk, but not at any price", "Ilse Marrow")
    ]


def test_a_saved_web_page_gives_the_authors_it_marks_up() -> None:
    html = (
        "<!doctype html><html><head><title>Port Stays Shut - NRB News</title></head><body>"
        "<article><h1>Port Stays Shut</h1><div class='byline-block'>"
        "<div class='contributor'><span class='name'>Mira Halden</span>"
        "<span class='role'>NRB News, Nerrick</span></div>"
        "<div class='contributor'><span class='name'>Jo Pike</span>"
        "<span class='role'>NRB Ostran, Ostra</span></div></div>"
        "<p>The harbour of Nerrick stayed closed on Tuesday as talks between the dockers "
        "and the port broke down for the third time.</p><p>The dockers will meet again "
        "on Friday to decide whether the strike goes on.</p></article></body></html>"
    )
    assert draft_article(html).authors == ["Mira Halden", "Jo Pike"]


@pytest.mark.parametrize(
    "text", ["", "\x00\x01binary", "<html><body><p>Cookie settings</p></body></html>", "Hi"]
)
def test_what_is_not_an_article_gets_a_clear_error(text: str) -> None:
    with pytest.raises(NotAnArticle):
        read_article(text)


def test_a_title_before_a_family_name_said_first_is_that_person() -> None:
    found = unnamed_guesses(
        "Madam Lau Siew Ping, 66, has sold tea at the pier since 1985.\n\n"
        "“Nobody asked us,” said Madam Lau."
    )
    assert found["Nobody asked us"] == ("Lau Siew Ping", "", False)


def test_a_name_two_people_share_is_a_guess_and_so_is_a_pronoun_after_it() -> None:
    found = unnamed_guesses(
        "Mr Lau Kim Seng runs the stall with his son, Mr Lau Wen Hao.\n\n"
        "“It is the end of an era,” said Mr Lau.\n\n"
        "The younger Mr Lau is more hopeful. “The new pier will be dry,” he said."
    )
    assert found["It is the end of an era"][2] and found["The new pier will be dry"][2]


def test_the_last_words_she_spoke_that_a_man_remembers_are_not_his() -> None:
    found = unnamed_guesses(
        "Dora Quell, 87, the harbour’s radio voice, retired in 2019.\n\n"
        "Mr Pavel Rusk remembers the last words she spoke on air: “Goodnight, harbour.”"
    )
    assert found["Goodnight, harbour."] == ("Dora Quell", "", True)


def test_a_quote_after_a_relative_clause_is_the_one_it_is_about() -> None:
    found = unnamed_guesses(
        "“We held the line,” Marrow said, handing the microphone to Mayor Tomas Veller, "
        "who began: “I have been called many things in this town.”"
    )
    assert found["I have been called many things in this town."][0] == "Tomas Veller"


def test_a_title_after_a_party_name_is_not_part_of_the_leaders_name() -> None:
    draft = draft_article(
        INTRO + "Harbour Alliance Leader Nadia Kowal told the crowd the result was "
        "“the first crack in the wall”."
    )
    assert [q.speaker.name for q in draft.quotes if q.speaker] == ["Nadia Kowal"]


def test_a_pronoun_in_the_words_someone_reported_is_not_a_speaker_before_a_quote() -> None:
    found = unnamed_guesses(
        "“The port was quiet at the end,” said Ilse Marrow.\n\n"
        "Her daughter, Ana Marrow, said that in her last week she had asked for the "
        "radio. “She wanted to hear the rain,” she said."
    )
    assert found["She wanted to hear the rain"][0] == "Ana Marrow"


def test_words_someone_phoned_to_say_are_theirs_as_a_guess() -> None:
    found = unnamed_guesses(
        "Marrow said Veller had phoned her after the vote to tell her she had “nothing to "
        "be ashamed of”."
    )
    assert found["nothing to be ashamed of"] == ("Tomas Veller", "", True)


def test_a_legislators_initials_are_a_title_not_a_name() -> None:
    found = unnamed_guesses(
        "Former Harbour MLA Harold Brisk, who held the seat for 16 years, said the port was "
        "“the town’s heart”."
    )
    assert found["the town’s heart"][0] == "Harold Brisk"


def test_an_aside_between_a_body_and_its_verb_is_not_the_speaker() -> None:
    draft = draft_article(
        INTRO + "On Tuesday the Ministry of Foreign Affairs of the Republic of Vastmark, "
        "in a statement carried by the state news agency NerPress, said the port had "
        "become “a danger to shipping”."
    )
    [quote] = [q for q in draft.quotes if q.text == "a danger to shipping"]
    assert quote.speaker is not None and not quote.guess
    assert quote.speaker.name == "Ministry of Foreign Affairs of the Republic of Vastmark"
    assert quote.via is not None and quote.via.name == "NerPress"


def test_the_name_beside_according_to_is_not_the_subject_after_it() -> None:
    found = unnamed_guesses(
        "According to the union’s lawyer, Pavel Rusk, the mayor told dockers in 2024 that "
        "their jobs were “safe for as long as I’m mayor”."
    )
    assert found["safe for as long as I’m mayor"][0] == "Tomas Veller"


def test_people_of_a_place_are_unnamed_not_the_place() -> None:
    found = unnamed_guesses(
        "Islanders on Inis Carrow have warned that the cuts will “finish” the island’s shop."
    )
    assert found["finish"][:2] == (None, "Islanders on Inis Carrow")


def test_a_spokesman_for_the_mayor_speaks_for_the_mayor_as_a_guess() -> None:
    found = unnamed_guesses(
        "A spokesman for the mayor said the council was “listening carefully to the port”."
    )
    assert found["listening carefully to the port"] == ("Tomas Veller", "", True)


def test_the_coach_is_the_head_coach_named_before() -> None:
    found = unnamed_guesses(
        "The Nerrick head coach, Graeme Holt, was less forgiving of his side.\n\n"
        "“That’s a decision, not a technique,” the coach said."
    )
    assert found["That’s a decision, not a technique"][0] == "Graeme Holt"


def test_the_answer_to_a_question_someone_asked_him_is_his() -> None:
    found = unnamed_guesses(
        "“We batted well,” said Pavel Rusk, the dockers’ captain.\n\n"
        "‘Is that the best you have played?’ one reporter asked him.\n\n"
        "‘Probably,’ he said."
    )
    assert found["Probably"][0] == "Pavel Rusk"


def test_what_she_said_after_a_question_he_asked_is_not_his() -> None:
    found = unnamed_guesses(
        "“The port will open in May,” Marrow told a podcast.\n\n"
        "The podcast’s host, Sam Okoro, pressed her on safety. “Are the cranes safe?” he "
        "asked.\n\n“Honestly, that keeps me up at night,” she said."
    )
    assert found["Honestly, that keeps me up at night"][0] == "Ilse Marrow"


def test_a_name_before_an_office_at_a_body_is_a_persons() -> None:
    draft = draft_article(
        INTRO + "Oren Kalvo, chief executive of Harrowlight, whose ferries sail from the "
        "port, took a swipe at the union. “They want a port with no ships,” he wrote."
    )
    assert [q.speaker.name for q in draft.quotes if q.speaker] == ["Oren Kalvo"]


def test_a_possessive_apposition_is_not_the_speaker() -> None:
    found = unnamed_guesses(
        "Leah Morgan, Veller's lawyer, said her client had “panicked” when the money ran out."
    )
    assert found["panicked"] == ("Leah Morgan", "", False)


def test_she_after_someone_said_is_the_one_who_said_it() -> None:
    found = unnamed_guesses(
        "Leah Morgan, Veller’s lawyer, said her client was sorry.\n\n"
        "“He will go to prison,” Judge Ana Brell said.\n\n"
        "Outside the court, Morgan said she had told him to expect “at least five years”."
    )
    assert found["at least five years"][0] == "Leah Morgan"


def test_a_single_name_with_an_age_is_a_first_name_only() -> None:
    found = unnamed_guesses(
        "“It sounded like a train,” said Greta, 67, who was evacuated with her cats."
    )
    assert found["It sounded like a train"][0] is None


def test_a_verb_of_saying_after_the_is_a_noun_and_the_body_is_the_speaker() -> None:
    found = unnamed_guesses(
        "The river burst its banks, the Felstal Flood Warning Centre said.\n\n"
        "“We have not seen a rise like that,” the warning centre said in its bulletin.\n\n"
        "The Nerrick Volunteer Fire Brigade asked residents to leave.\n\n"
        "“Leave now. Take your medicines and documents,” the brigade wrote on Facebook."
    )
    assert found["We have not seen a rise like that"][0] == "Felstal Flood Warning Centre"
    assert (
        found["Leave now. Take your medicines and documents"][0] == "Nerrick Volunteer Fire Brigade"
    )


def test_she_with_no_one_nearer_is_whom_the_article_is_about() -> None:
    draft = draft_article(
        "Dora Quell, radio voice of the harbour, dies aged 87\n\n"
        "Dora Quell, who has died aged 87, presented the late show on Harbour Radio for "
        "48 years.\n\n"
        "Born in Nerrick, the daughter of a docker, Aurel Quell, she sang in dance halls at "
        "16. Her father, she recalled, told her: “You will never be rich.”\n\n"
        "“She played what she liked,” said Mr Pavel Rusk, her producer.\n\n"
        "She once told an interviewer that she played records “for the night-shift nurses”."
    )
    [quote] = [q for q in draft.quotes if q.text == "for the night-shift nurses"]
    assert quote.speaker is not None and quote.speaker.name == "Dora Quell" and quote.guess


def test_the_person_is_the_unnamed_person_described_before() -> None:
    found = unnamed_guesses(
        "A person familiar with the port’s plans said a new crane was due. “The crane is "
        "where most of the money goes,” the person said."
    )
    assert found["The crane is where most of the money goes"][:2] == (None, "the person")


def test_words_her_captain_rang_to_say_are_the_captains() -> None:
    found = unnamed_guesses(
        "The dockers’ captain, Pavel Rusk, was out for 40.\n\n"
        "Marrow said her captain had rung her at lunch to say he meant to “bat until dark”."
    )
    assert found["bat until dark"][0] == "Pavel Rusk"


@pytest.mark.parametrize(
    ("header", "authors", "outlet"),
    [
        ("By Lena Holt\n\nThe Valley Courier-Star", ["Lena Holt"], "The Valley Courier-Star"),
        ("By Lena Holt\n\nStaff Writer", ["Lena Holt"], None),
        (
            "Lena Holt\n\nSenior Correspondent\n\nPUBLISHED MAR 10, 2026, 5:00 AM",
            ["Lena Holt"],
            None,
        ),
        ("Lena Holt, Cricket Correspondent, at Ashcombe Park", ["Lena Holt"], None),
        ("Interview by Lena Holt", ["Lena Holt"], None),
    ],
)
def test_a_bylines_job_place_and_outlet_lines_are_not_authors(
    header: str, authors: list[str], outlet: str | None
) -> None:
    article = read_article(
        f"Port Stays Shut\n\n{header}\n\nThe harbour stayed closed on Tuesday as the talks "
        "between the dockers and the port broke down again.\n\nThe dockers will meet on Friday."
    )
    assert article.authors == authors
    assert (article.outlet or None) == outlet


def test_a_date_in_capitals_and_a_dateline_under_a_standfirst() -> None:
    article = read_article(
        "Port Stays Shut\n\nThe dockers want more; the port says no\n\n"
        "PUBLISHED MAR 10, 2026, 5:00 AM\n\n"
        "NERRICK, 4 March. /Nerrick Wire/. The harbour stayed closed on Tuesday.\n\n"
        "The dockers will meet on Friday."
    )
    assert article.date == dt.date(2026, 3, 10) and article.outlet == "Nerrick Wire"


def test_lines_of_a_cross_examination_alternate_between_the_two() -> None:
    found = unnamed_guesses(
        "Pavel Rusk, the union’s lawyer, questioned Marrow.\n\n"
        "“Who signed the order?” he asked her.\n\n"
        "“Not me. The board signed it,” she said.\n\n"
        "“Then who sits on the board?”\n\n"
        "“Five people, and I am not one of them.”\n\n"
        "“Name them.”"
    )
    assert [speaker for speaker, _, _ in found.values()] == [
        "Pavel Rusk",
        "Ilse Marrow",
        "Pavel Rusk",
        "Ilse Marrow",
        "Pavel Rusk",
    ]
    assert all(guess for _, _, guess in list(found.values())[1:])


def test_those_were_the_words_of_after_a_quote_in_the_same_paragraph() -> None:
    found = unnamed_guesses(
        "‘The port is not for sale, at any price.’ Those were the words of Nerrick harbour "
        "chief Pavel Rusk on Friday, and the buyers appear to have listened."
    )
    assert found["The port is not for sale, at any price."] == ("Pavel Rusk", "", False)


def test_a_spokeswoman_is_not_he() -> None:
    found = unnamed_guesses(
        "The authority’s spokeswoman, Ana Brell, said the port would stay shut.\n\n"
        "Pavel Rusk, who leads the dockers, met her on Monday.\n\n"
        "Brell and Rusk spoke for an hour. “We are no closer,” he said."
    )
    assert found["We are no closer"][0] == "Pavel Rusk"


def test_a_body_named_after_its_description_and_which_said_is_the_speaker() -> None:
    found = unnamed_guesses(
        "The cranes are run by the shipping company Vantrell Infrastructure, which said a "
        "cable had been “caught and pulled down”."
    )
    assert found["caught and pulled down"][0] == "Vantrell Infrastructure"


def test_one_before_a_place_is_not_a_name() -> None:
    draft = draft_article(
        INTRO + "Ashcombe coach Bogdan Marin was gracious. “Penalties are a lottery,” he said.\n\n"
        "One Ashcombe father, who did not want to be named, said the boys had cried."
    )
    assert [q.speaker.name for q in draft.quotes if q.speaker] == ["Bogdan Marin"]
    assert "One Ashcombe" not in {a.name for a in draft.actors}


def test_a_description_after_a_fronted_phrase_is_the_sentence_subject() -> None:
    found = unnamed_guesses(
        "“We are close,” Marrow said.\n\n"
        "On Wednesday, the mayor was in a more philosophical mood.\n\n"
        "“Ports are not marriages. They are contracts,” he told a meeting in Nerrick."
    )
    assert found["Ports are not marriages. They are contracts"][0] == "Tomas Veller"


def test_a_short_sentence_near_the_top_is_kept_not_taken_for_a_byline() -> None:
    article = read_article(
        "Port Stays Shut\n\nThe harbour stayed closed on Tuesday.\n\n"
        "On Wednesday, the mayor was in a better mood.\n\nThe dockers will meet on Friday."
    )
    assert "On Wednesday, the mayor was in a better mood." in article.paragraphs
    assert article.authors == []


def test_a_ministry_named_in_lower_case_is_a_body_and_the_ministry_later_is_it() -> None:
    draft = draft_article(
        INTRO + "Sailors took control of a frigate at the naval base, the defence ministry "
        "said.\n\n“A group of servicemen has taken the ship,” the ministry said on Telegram.\n\n"
        "The Civic Front party called for calm.\n\n"
        "In Velmaria, the foreign ministry said it was “following events closely”."
    )
    speakers = {q.text: q.speaker.name if q.speaker else None for q in draft.quotes}
    assert speakers == {
        "A group of servicemen has taken the ship": "Defence Ministry",
        "following events closely": "Foreign Ministry",
    }


def test_the_presidents_spokesman_is_the_subject_not_the_president() -> None:
    found = unnamed_guesses(
        "President Lenart Vashko said the strike was over.\n\n"
        "The president's spokesman, Tomas Krell, said Vashko had been briefed all night.\n\n"
        "“The president has given clear instructions,” he said."
    )
    assert found["The president has given clear instructions"][0] == "Tomas Krell"


def test_a_single_word_after_the_authors_is_the_outlet_and_edited_by_names_one() -> None:
    article = read_article(
        "Port Stays Shut\n\nBy Dana Whit and Rafi Oyel, MNN\n\n"
        "The harbour stayed closed on Tuesday as the talks broke down.\n\nMore on Friday."
    )
    assert article.authors == ["Dana Whit", "Rafi Oyel"] and article.outlet == "MNN"
    edited = read_article(
        "Port Stays Shut\n\nEdited by Harriet Sowerby\n\n"
        "The harbour stayed closed on Tuesday as the talks broke down.\n\nMore on Friday."
    )
    assert edited.authors == ["Harriet Sowerby"]


def test_words_according_to_a_news_agency_are_the_subjects_relayed() -> None:
    draft = draft_article(
        INTRO + "Miravel’s foreign minister, Idris Bazz, has thanked “all parties who made "
        "this possible”, according to the country’s state news agency, MNA."
    )
    [quote] = draft.quotes
    assert quote.speaker is not None and quote.speaker.name == "Idris Bazz"


def test_a_body_in_apposition_to_a_description_is_the_speaker() -> None:
    found = unnamed_guesses(
        "Their employer, the charity Open Hands Relief, says it is “overjoyed” at the news."
    )
    assert found["overjoyed"][0] == "Open Hands Relief"


def test_a_ministry_with_its_countrys_adjective_and_a_presidents_press_service() -> None:
    draft = draft_article(
        INTRO + "The Drellish foreign ministry said the pair had engaged in “activities "
        "incompatible with their status”.\n\n"
        "President of the Federative Republic of Kestrava Mihail Dorn met the mayor.\n\n"
        "According to the press service of the President of Kestrava, Dorn invited Veller "
        "to visit «at any time convenient to him»."
    )
    speakers = {q.text: q.speaker.name if q.speaker else None for q in draft.quotes}
    assert speakers["activities incompatible with their status"] == "Drellish Foreign Ministry"
    assert speakers["at any time convenient to him"] == "Mihail Dorn"
    assert not any("Republic" in a.name and a.kind == "person" for a in draft.actors)


@pytest.mark.parametrize(
    "sentence",
    [
        "Veller's spokesman, Pavel Rusk, sneered that the union should “mind its own docks”.",
        "Pavel Rusk welcomed the deal as “a long-awaited step towards peace”.",
    ],
)
def test_sneered_and_welcomed_as_attribute_the_quote(sentence: str) -> None:
    draft = draft_article(INTRO + sentence)
    assert [q.speaker.name for q in draft.quotes if q.speaker] == ["Pavel Rusk"]


def test_a_labelled_picture_caption_is_a_caption_not_body() -> None:
    article = read_article(
        "Port Stays Shut\n\nThe harbour stayed closed on Tuesday as the talks broke down.\n\n"
        "“We are ready,” Ilse Marrow said.\n\n"
        "[Picture caption: STANDOFF: Marrow said the talks were ‘reckless’]"
    )
    assert article.captions == [("STANDOFF: Marrow said the talks were ‘reckless’", None)]
    assert all("reckless" not in p for p in article.paragraphs)


def test_a_byline_with_the_job_after_the_name_and_no_comma() -> None:
    article = read_article(
        "Port Stays Shut\n\nLorna Quayle Diplomatic editor\n\n"
        "The harbour stayed closed on Tuesday as the talks broke down.\n\nMore on Friday."
    )
    assert article.authors == ["Lorna Quayle"]


def test_whose_clause_between_a_name_and_its_verb_is_not_the_speaker() -> None:
    found = unnamed_guesses(
        "Velmaria's president, Ana Kova, whose country borders Lower Virel, said she was "
        "“worried, but not alarmed”."
    )
    assert found["worried, but not alarmed"][0] == "Ana Kova"


def test_a_presidential_decree_speaks_for_the_president() -> None:
    found = unnamed_guesses(
        "President Valery Brusk signed the pardons on Monday.\n\n"
        "The presidential decree, published overnight, says the five were pardoned “guided by "
        "the principles of humanism”."
    )
    assert found["guided by the principles of humanism"][:1] == ("Valery Brusk",)


def test_a_kind_of_body_alone_is_no_actor() -> None:
    draft = draft_article(
        INTRO + "“We are ready,” Marrow said.\n\nMedia contact:\nAna Brell\n"
        "Director, Communications\npress@nerrick.example"
    )
    assert "Media" not in {a.name for a in draft.actors}


def test_a_byline_crediting_agencies_and_a_numeric_date() -> None:
    article = read_article(
        "Port Stays Shut\n\nAgnieszka Bale (with Halyard, GPA)\n06/28/2026\n\n"
        "The harbour stayed closed on Tuesday as the talks broke down.\n\nMore on Friday."
    )
    assert article.authors == ["Agnieszka Bale"] and article.date == dt.date(2026, 6, 28)


def test_a_sister_who_shares_his_surname_does_not_make_him_a_she() -> None:
    found = unnamed_guesses(
        "His sister, Aoife Finch, flew in from Nerrick.\n\n"
        "Callum Finch, the youngest of the crew, spoke briefly to reporters.\n\n"
        "“I just want a cup of tea and my own bed,” he said."
    )
    assert found["I just want a cup of tea and my own bed"][0] == "Callum Finch"


def test_a_quote_after_a_colon_in_a_sentence_that_opens_with_a_fronted_phrase() -> None:
    found = unnamed_guesses(
        "Pavel Rusk leads the Hawthorn dockers, a spokesman said.\n\n"
        "In a video posted on Telegram, the shaven-headed Rusk, 51, stood in front of the "
        "cranes and growled: “We are not here to play games.”"
    )
    assert found["We are not here to play games."][0] == "Pavel Rusk"


def test_a_quote_after_a_paragraph_ending_in_said_colon_is_the_one_who_said() -> None:
    found = unnamed_guesses(
        "“We will see,” Marrow said.\n\n"
        "In the evening, the mayor hosted a dinner for the dockers. In his speech, the "
        "Mayor of Nerrick said:\n\n“Dear friends! We are ready to talk.”"
    )
    assert found["Dear friends! We are ready to talk."][:1] == ("Tomas Veller",)


def test_a_paragraph_ending_in_a_noun_of_saying_and_a_colon_is_no_verb() -> None:
    found = unnamed_guesses(
        "The port issued its warning:\n\n“Stay away from the quay until Friday.”"
    )
    assert found["Stay away from the quay until Friday."][0] is None


def test_a_channel_number_a_leading_place_word_and_authorities() -> None:
    draft = draft_article(
        INTRO + "Kaljur told the state television channel Tervania-1 that the port was "
        "“closed until spring”.\n\nSailors at Port Hessel said they had not been paid.\n\n"
        "Authorities said the airport would reopen “once the runways have been checked”."
    )
    names = {a.name: a.kind for a in draft.actors}
    assert names.get("Tervania-1") == "media"
    assert "Port Hessel" not in names and "Authorities" not in names


def test_a_byline_from_a_place_and_a_chief_who_said_and_lamented() -> None:
    article = read_article(
        "Port Stays Shut\n\nFrom Oluwaseun Bankole, Ilemora\n\n"
        "The harbour stayed closed on Tuesday as the talks broke down.\n\nMore on Friday."
    )
    assert article.authors == ["Oluwaseun Bankole"]
    found = unnamed_guesses(
        "A community leader, Chief Gbenga Odus, said he had told the port's chairman in 2022 "
        "that the quay “was a disaster waiting to happen”.\n\n"
        "“Everything is gone, my own shop, my brother's shop,” he lamented."
    )
    assert found["was a disaster waiting to happen"][0] == "Gbenga Odus"
    assert found["Everything is gone, my own shop, my brother's shop"][0] == "Gbenga Odus"


def test_the_monarch_is_the_king_named_before() -> None:
    found = unnamed_guesses(
        "“We are ready,” Marrow said.\n\nKing Aldo Vask of Nerrick visited the quay on "
        "Monday.\n\n“This is not the time for blame,” the monarch said."
    )
    assert found["This is not the time for blame"][0] == "Aldo Vask"


def test_a_broadcast_transcript_quotes_the_guests_and_not_the_staff() -> None:
    transcript = (
        "Is the port deal holding?\n\n"
        "LENA HOLT, HOST:\n\n"
        "Dockers in Nerrick voted on Tuesday. Mayor Tomas Veller calls the deal “a fresh "
        "start.” Our reporter Jo Pike has more.\n\n"
        "JO PIKE, BYLINE: At the gates this morning, the mood was cautious.\n\n"
        "(SOUNDBITE OF ARCHIVED RECORDING)\n\n"
        "ILSE MARROW: (Through interpreter) We have a deal, and we will keep it.\n\n"
        "PIKE: Not everyone is convinced. A docker who gave only his first name, Arno, was "
        "waiting for the bus.\n\n"
        "ARNO: (Laughter) We have heard this before.\n\n"
        "HOLT: Will it hold?\n\n"
        "MARROW: It will. The port cannot afford another strike.\n\n"
        "It will open on Monday.\n\n"
        "HOLT: Ilse Marrow, thank you."
    )
    assert said_in(transcript) == {
        "a fresh start.": "Tomas Veller",
        "We have a deal, and we will keep it.": "Ilse Marrow",
        "We have heard this before.": None,
        "It will. The port cannot afford another strike. It will open on Monday.": "Ilse Marrow",
    }
    assert read_article(transcript).authors == []  # "LENA HOLT, HOST:" labels a turn


def test_a_transcript_label_with_a_translator_a_long_role_and_an_unidentified_voice() -> None:
    transcript = (
        "Ostra on the Morning Show\n\n"
        "LENA HOLT, HOST: Good morning. The mayor of Nerrick joins us.\n\n"
        "TOMAS VELLER, MAYOR OF NERRICK (through translator): Thank you. It is a pleasure.\n\n"
        "HOLT: Will the port open?\n\n"
        "VELLER (through translator): On Monday, if the strike ends.\n\n"
        "HOLT: Our reporter spoke to the harbour master.\n\n"
        "ILSE MARROW, HEAD, PORT OF NERRICK AUTHORITY: The gates are ready.\n\n"
        "UNIDENTIFIED MALE (through translator): We have heard this before.\n\n"
        "HOLT: Tomas Veller, thank you.\n\n"
        "VELLER: Thank you."
    )
    assert said_in(transcript) == {
        "Thank you. It is a pleasure.": "Tomas Veller",
        "On Monday, if the strike ends.": "Tomas Veller",
        "The gates are ready.": "Ilse Marrow",
        "We have heard this before.": None,
        "Thank you.": "Tomas Veller",
    }


def test_a_masthead_and_the_section_over_the_headline_are_not_the_headline() -> None:
    article = read_article(
        "THE NERRICK CLARION\n\nPorts · Shipping\n\nPort Stays Shut\n\n"
        "Mira Halden, with Jo Pike in Ostra\n\n"
        "The harbour stayed closed on Tuesday as the talks broke down.\n\nMore on Friday."
    )
    assert (article.outlet, article.headline) == ("The Nerrick Clarion", "Port Stays Shut")
    assert article.authors == ["Mira Halden", "Jo Pike"]


@pytest.mark.parametrize(
    ("top", "outlet", "date"),
    [
        ("THE NERRICK TIMES-DISPATCH\n\nWORLD", "The Nerrick Times-Dispatch", None),
        ("THE OSTRA HERALD\nSaturday, October 17, 2026\n\nNEWS | PORTS", "The Ostra Herald",
         dt.date(2026, 10, 17)),
        ("NRB | Transcripts", "NRB", None),
        ("ATLAS\n\nWorld | Feature", "Atlas", None),
        ("Halden Institute for Port Studies\n\nCommentary", "Halden Institute for Port Studies",
         None),
        ("The Halvern Post-Register\n\nWORLD", "The Halvern Post-Register", None),
        ("The Brackenford Ledger\n\nWorld › Ostra", "The Brackenford Ledger", None),
        ("THE OSTRA CHRONICLE\nFriday, March 12, 2027\n\nNATION", "The Ostra Chronicle",
         dt.date(2027, 3, 12)),
        ("World | Europe", None, None),
        ("LOCAL NEWS", None, None),
        ("The Sunday Ledger | Review | The Interview", "The Sunday Ledger", None),
        ("Halden Institute › Research › Commentary", "Halden Institute", None),
    ],
    ids=["a paper's double name", "the date under it", "initials and a section",
         "a one-word nameplate over a section's path", "a think tank over its section",
         "a paper's register", "a paper's ledger", "the date and a section under it",
         "a section's path alone", "a section in capitals", "a name before its sections",
         "a body's name before its sections"],
)  # fmt: skip
def test_a_masthead_over_the_headline(top: str, outlet: str, date: dt.date | None) -> None:
    article = read_article(
        f"{top}\n\nPort Stays Shut After Talks Fail\n\n"
        "The harbour stayed closed on Tuesday as the talks broke down.\n\nMore on Friday."
    )
    assert (article.outlet, article.headline) == (outlet, "Port Stays Shut After Talks Fail")
    assert article.date == date


@pytest.mark.parametrize(
    ("sentence", "speaker", "via", "guess"),
    [
        ("A Harbour Authority of Nerrick spokesman, who declined to be named, said the "
         "gates “remain shut for now”.", "Harbour Authority of Nerrick", None, False),
        ("The Ostran embassy in Nerrick said the strike was “a local matter”.",
         "Ostran Embassy in Nerrick", None, False),
        ("According to a statement issued by the Mayor's Office, the mayor directed that "
         "“no ship should wait”.", "Tomas Veller", "Mayor's Office", True),
        ("The press service of Nerrick's mayor, Tomas Veller, says he has held “six hours "
         "of talks”.", "Tomas Veller", None, True),
        ("The Ostran presidency said Ostra joined the talks “of its own free will”.",
         "Ostran Presidency", None, False),
        ("The mayor’s official spokesman said the council “fully supports the talks”.",
         "Tomas Veller", None, True),
    ],
    ids=["an unnamed spokesman's body", "an embassy in a city", "according to a statement, "
         "the subject", "a person's press service", "a country's presidency",
         "an office-holder's spokesman"],
)  # fmt: skip
def test_a_body_speaking_through_others(
    sentence: str, speaker: str, via: str | None, guess: bool
) -> None:
    draft = draft_article(INTRO + sentence)
    (quote,) = draft.quotes
    assert quote.speaker is not None, quote
    said = (quote.speaker.name, quote.via.name if quote.via else None, quote.guess)
    assert said == (speaker, via, guess)


def test_he_added_after_he_said_is_the_last_speaker_not_the_sentence_s_first_word() -> None:
    found = unnamed_guesses(
        "The harbour spokesman, Pavel Rusk, has told reporters that the strike will end.\n\n"
        "Dockers who did not strike will be paid in full, he said. He added:\n\n"
        "“Nobody who goes back tonight will be punished.”"
    )
    assert found["Nobody who goes back tonight will be punished."][0] == "Pavel Rusk"


def test_quotes_after_a_paragraph_that_introduces_them_are_its_subject_s() -> None:
    found = unnamed_guesses(
        "Pavel Rusk has released a video message on his channel. Here is the key passage, "
        "in our translation:\n\n“We waited for a week, and nobody listened.”"
    )
    assert found["We waited for a week, and nobody listened."][0] == "Pavel Rusk"


def test_a_social_handle_after_a_name_in_apposition() -> None:
    found = unnamed_guesses(
        "The union's leader, Pavel Rusk (@PavelRusk), said the dockers were “ready to wait”."
    )
    assert found["ready to wait"][:1] == ("Pavel Rusk",)


def test_a_country_s_ministry_that_called_something_a_name() -> None:
    found = unnamed_guesses("Ostra's transport ministry has called the claim “a provocation”.")
    assert found["a provocation"][0] == "Transport Ministry"


def test_he_after_a_sentence_that_opens_with_phrases_is_its_subject() -> None:
    found = unnamed_guesses(
        "“We will wait,” said a docker, Arno Pike.\n\n"
        "The talks ended at noon.\n\n"
        "In a video filmed on the quay beside the old customs house, flanked by two of his "
        "deputies and a lawyer, Veller repeated his "
        "demand that the harbour master, Gen Lena Holt, come to the town hall.\n\n"
        "“Bring me the harbour master, and we will go home,” he said."
    )
    assert found["Bring me the harbour master, and we will go home"][0] == "Tomas Veller"


@pytest.mark.parametrize(
    ("introduced", "speaker"),
    [
        ("Harbour spokesman Pavel Rusk told reporters that the strike would end.", "Pavel Rusk"),
        ("Later, the mayor's official spokesperson told reporters that the union had called.",
         "Tomas Veller"),
        ("A spokeswoman for Ms Marrow said the director had met the union again.",
         "Ilse Marrow"),
    ],
    ids=["named with the role", "the mayor's spokesperson", "a spokeswoman for someone"],
)  # fmt: skip
def test_the_spokesperson_is_the_one_introduced_or_whom_they_speak_for(
    introduced: str, speaker: str
) -> None:
    noun = regex.search(r"spokes\w+", introduced).group(0)
    found = unnamed_guesses(f"{introduced}\n\n“The gates will open,” the {noun} said.")
    assert found["The gates will open"][0] == speaker


def test_an_occasion_named_after_an_office_is_no_one() -> None:
    draft = draft_article(
        INTRO + "Speaking at Prime Minister's Questions, Veller said the port was “open”."
    )
    assert "Minister's Questions" not in {a.name for a in draft.actors}


def test_an_office_held_in_a_city_before_a_titled_name_describes_them() -> None:
    found = unnamed_guesses(
        "Veller had spoken to the Ostran Ambassador in Nerrick, Mr Arno Pike, on Sunday.\n\n"
        "Later, Mr Pike met Marrow. According to a port press release, the ambassador "
        "said the quay was “safe again”."
    )
    assert found["safe again"][0] == "Arno Pike"


def test_conveyed_attributes_a_quote_past_an_aside() -> None:
    found = unnamed_guesses(
        "The director, the press release said, conveyed that the port “values its old friends”."
    )
    assert found["values its old friends"][0] == "Ilse Marrow"


def test_an_honorific_inside_a_long_office_starts_the_name() -> None:
    draft = draft_article(
        INTRO + "Special Assistant to the Mayor on Media Affairs Dr Lena Holt said the port "
        "would reopen “within days”."
    )
    assert "Lena Holt" in {a.name for a in draft.actors}


@pytest.mark.parametrize(
    ("body", "quote", "speaker"),
    [
        ("The Nerrick Port Regulator’s annual review, published in May, puts fees up.\n\n"
         "The review says the rise was “mainly the result of dredging”.",
         "mainly the result of dredging", "Nerrick Port Regulator"),
        ("The Harbour Authority of Nerrick warned of delays.\n\nAccording to the "
         "authority's latest bulletin, the quay is “stable but crowded”.",
         "stable but crowded", "Harbour Authority of Nerrick"),
        ("In an internal memo seen by the Nerrick Gazette, Marrow told staff the port "
         "would “hold its nerve”. The memo went on: “I would rather wait than give in.”",
         "I would rather wait than give in.", "Ilse Marrow"),
    ],
    ids=["a body's review", "a body's bulletin", "a memo an outlet saw"],
)  # fmt: skip
def test_a_document_speaks_for_whoever_wrote_it(body: str, quote: str, speaker: str) -> None:
    assert unnamed_guesses(body)[quote][0] == speaker


def test_an_abbreviation_and_an_office_holder_before_who() -> None:
    found = unnamed_guesses(
        "Nerrick Railways (NRW) said the line would stay closed “until Friday”.\n\n"
        "Dr Lena Holt, director of the Nerrick Safety Office (NSO), who said the office "
        "would look at “whether the rules have teeth”."
    )
    assert found["until Friday"][0] == "Nerrick Railways"
    assert found["whether the rules have teeth"][0] == "Lena Holt"


def test_words_in_the_first_person_singular_given_to_a_body_are_a_guess() -> None:
    found = unnamed_guesses(
        "Nerrick Railways said the line would stay closed “until Friday”.\n\n"
        "“I've been here since seven and nobody has told us anything.”"
    )
    speaker, _, guess = found["I've been here since seven and nobody has told us anything."]
    assert (speaker, guess) == ("Nerrick Railways", True)


def test_the_announcement_came_from_names_the_speaker_after() -> None:
    found = unnamed_guesses(
        "“Every ballot in this hall has been counted twice.” The announcement came from "
        "returning officer Lena Holt, who read out the result at dawn."
    )
    assert found["Every ballot in this hall has been counted twice."][0] == "Lena Holt"


def test_a_newsletter_s_names_in_capitals_and_put_it_this_way() -> None:
    draft = draft_article(
        "Port bill moves fast\n\n"
        "THE MARKUP — The harbour committee meets today on the bill Chair LENA HOLT-ARDEN "
        "unveiled last week.\n\n"
        "She put it to us this way on Tuesday night:\n\n"
        "“Every week we wait, another ship goes elsewhere.”\n\n"
        "Holt-Arden said the vote would come “within days, not weeks”."
    )
    found = {q.text: q.speaker.name if q.speaker else None for q in draft.quotes}
    assert found == {
        "Every week we wait, another ship goes elsewhere.": "Lena Holt-Arden",
        "within days, not weeks": "Lena Holt-Arden",
    }
    assert "THE MARKUP" not in {a.name for a in draft.actors}


def test_a_one_word_body_and_a_title_before_a_name_and_neither() -> None:
    draft = draft_article(
        INTRO + "Parliament Speaker Arno Pike-Lindqvist said the port would “reopen soon”.\n\n"
        "Neither Veller nor Marrow would say when."
    )
    names = {a.name for a in draft.actors}
    assert "Arno Pike-Lindqvist" in names
    assert not {"Parliament Speaker Arno Pike-Lindqvist", "Neither Veller"} & names


def test_a_heading_in_title_case_is_no_one_s_name() -> None:
    draft = draft_article(
        INTRO + "Dockers Leave Quay to Cheers as Mayor Breaks His Silence\n\n"
        "Veller said the port would “reopen soon”."
    )
    assert not any("Silence" in a.name or "Leave Quay" in a.name for a in draft.actors)


def test_a_body_said_in_a_report_and_a_team_led_by_someone() -> None:
    found = unnamed_guesses(
        "The Nerrick Observer Group, which sent 60 observers, said in a preliminary report "
        "that the count lacked “the transparency needed to give confidence”.\n\n"
        "The team, led by Professor Lena Holt, wrote that the results “strengthen the case "
        "for dredging”."
    )
    assert found["the transparency needed to give confidence"][0] == "Nerrick Observer Group"
    assert found["strengthen the case for dredging"][::2] == ("Lena Holt", True)


@pytest.mark.parametrize(
    ("sentence", "quote", "speaker"),
    [
        ("Veller went on television to denounce the strike as “a shot fired into our own "
         "harbour”.", "a shot fired into our own harbour", "Tomas Veller"),
        ("The Harbour Authority of Nerrick dismissed the union's claim that the cranes were "
         "unsafe as “a provocation”.", "a provocation", "Harbour Authority of Nerrick"),
        ("Marrow spoke of “a summer we will not forget”.", "a summer we will not forget",
         "Ilse Marrow"),
    ],
    ids=["denounced as", "dismissed a claim as", "spoke of"],
)  # fmt: skip
def test_verbs_that_give_words_as_a_name_for_something(
    sentence: str, quote: str, speaker: str
) -> None:
    assert unnamed_guesses(sentence)[quote][0] == speaker


def test_what_he_called_is_his_a_title_and_a_show_are_no_one_s() -> None:
    found = unnamed_guesses(
        "Veller criticised the union for what he called a “slow and confused response”.\n\n"
        "The warning is in a commentary titled “After the Strike: Who Runs the Quay?”, "
        "written by Marrow.\n\n"
        "“The port is open,” Marrow said on Nerrick Radio’s “Harbour Hour.”"
    )
    assert found["slow and confused response"][0] == "Tomas Veller"
    assert "After the Strike: Who Runs the Quay?" not in found
    assert not any(text.startswith("Harbour Hour") for text in found)


def test_a_first_name_called_and_our_own_correspondent_are_not_actors() -> None:
    draft = draft_article(
        INTRO + "Our harbour correspondent, Lena Holt-Arden, has sent this from the quay:\n\n"
        "“We just want to know whether to go to work,” a shop assistant called Oksana told me."
    )
    names = {a.name for a in draft.actors}
    assert not {"Lena Holt-Arden", "Oksana"} & names
    (quote,) = draft.quotes
    assert quote.speaker is None


def test_a_country_s_presidency_a_hyphenated_title_and_the_former_general() -> None:
    article = (
        INTRO + "Ostra's presidency said the talks had found “a workable way out”.\n\n"
        "Harbour Board Secretary-General Lena Holt-Arden welcomed the deal. The port's "
        "security chief, General Arno Pike, stayed silent.\n\n"
        "In a message to the dockers, the former general wrote: “We go home with our heads "
        "up.”"
    )
    found = said_in(article)
    assert found["a workable way out"] == "Presidency"
    assert found["We go home with our heads up."] != "Arno Pike"
    assert "Lena Holt-Arden" in {a.name for a in draft_article(article).actors}


@pytest.mark.parametrize(
    ("body", "quote", "speaker", "unnamed"),
    [
        ("That evening, in a statement read on television by his spokesman, Pavel Rusk, the "
         "mayor said he “accepts the arithmetic”.", "accepts the arithmetic", "Tomas Veller",
         ""),
        ("“We will wait,” Marrow says.\n\nOutside the gates, a docker who would not give his "
         "name watched the queue. “Six days of talks for nothing,” he said.",
         "Six days of talks for nothing", None, "a docker"),
        ("“We will wait,” Marrow says.\n\nWhen I reached Tomas Veller by telephone, he would "
         "say only that the council “respects the procedure”.", "respects the procedure",
         "Tomas Veller", ""),
        ("“We will wait,” says Pavel Rusk, 41.\n\n“The ships are still out there.”\n\n"
         "That last voice belongs to Agnes Brell, 77, who has lived on the quay all her life.",
         "The ships are still out there.", "Agnes Brell", ""),
        ("“We will wait,” Marrow says.\n\nAgnes Brell, 77, has lived on the quay all her "
         "life. “I saw it all,” she said.", "I saw it all", "Agnes Brell", ""),
        ("Mr Veller spoke without notes. After thanking his staff, he went on:\n\n“I did "
         "not sign the lease for myself.”", "I did not sign the lease for myself.",
         "Tomas Veller", ""),
        ("Here is the key passage of the mayor’s address, in our translation:\n\n“I have "
         "decided to step down.”", "I have decided to step down.", "Tomas Veller", ""),
        ("Ostra’s mayor has just finished a televised address. This is the key passage:\n\n"
         "“Tonight the two sides signed an agreement.”",
         "Tonight the two sides signed an agreement.", "Tomas Veller", ""),
        ("Pavel Rusk, 58, quit on TV, telling the crowds: ‘You have been heard.’\n\nThe "
         "under-fire leader added: ‘A man who cannot walk down the street is no use.’",
         "A man who cannot walk down the street is no use.", "Pavel Rusk", ""),
        ("The union leader, Pavel Rusk, is frank. “We back whoever pays,” he told me. “We "
         "are not romantic people.” The difficulty is what the Harbour Authority of Nerrick "
         "has promised to invest.", "We are not romantic people.", "Pavel Rusk", ""),
        ("A police sergeant who spoke only if he was not named told me there was no "
         "briefing. “Nobody told us anything,” he said.", "Nobody told us anything",
         None, "A police sergeant"),
        ("“We will wait,” said Pavel Rusk, 41, a docker.\n\nHis father, he said, had sailed "
         "all his life. “He would have known where to go,” he said.",
         "He would have known where to go", "Pavel Rusk", ""),
        ("Nerrick Radio is reporting, citing a source in the Ostran foreign ministry, that a "
         "deal was signed “a few minutes ago”.", "a few minutes ago", None,
         "a source in the Ostran foreign ministry"),
        ("Agnes Brell, the Ostran ambassador, declined to comment. One western diplomat was "
         "blunter. “He was not a bad mayor,” the diplomat said.", "He was not a bad mayor",
         None, "One western diplomat"),
    ],
    ids=["a name in the opening phrase is the spokesman's", "a described person after an "
         "opening phrase", "the one a reporter reached", "the voice belongs to",
         "a short quote of short words", "he went on", "a passage of someone's address",
         "a place's office-holder has just finished an address",
         "a description no one was given adds to the last speaker's words",
         "a quote's own sentence ends at its marks", "a described sergeant",
         "the diplomat just introduced, not the one named", "the one who said so in an aside",
         "citing a source"],
)  # fmt: skip
def test_whose_words_past_an_opening_phrase(
    body: str, quote: str, speaker: str | None, unnamed: str
) -> None:
    found = unnamed_guesses(body)
    assert quote in found, found
    assert found[quote][:2] == (speaker, unnamed)


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("Prime Minister Agnes Brell visited the port on Monday.\n\nSpeaking at the quay, "
         "the PM said the strike was “a disgrace”.", "Agnes Brell"),
        ("Director-General Agnes Brell visited the port on Monday.\n\nSpeaking at the quay, "
         "the DG said the strike was “a disgrace”.", "Agnes Brell"),
        ("The parade was led by Defence Cabinet Secretary Hon. Peter Kiprono.\n\nSpeaking "
         "at the quay, the CS said the strike was “a disgrace”.", "Peter Kiprono"),
    ],
    ids=["the PM", "a hyphenated title and its initials", "a title before 'Hon.'"],
)  # fmt: skip
def test_an_office_named_by_its_initials(body: str, speaker: str) -> None:
    assert unnamed_guesses(body)["a disgrace"][0] == speaker


@pytest.mark.parametrize("kind", ["x-post", "fb-post", "twitter-tweet"])
def test_an_embedded_post_in_a_saved_page_is_its_author_s_quote(kind: str) -> None:
    html = (
        "<!doctype html><html><head><title>Port talks - NRB News</title></head><body>"
        "<article><h1>Port talks go on into the night</h1>"
        "<p>The harbour of Nerrick stayed closed on Tuesday as talks between the dockers "
        "and the port went on into a third day.</p>"
        "<p>The mayor, Tomas Veller, has posted this:</p>"
        f"<figure class='embed'><blockquote class='{kind}'><p>Third day of talks. We are in "
        "the last hours.</p>— Tomas Veller (@TVeller) <a href='https://x.com/TVeller/status/1'>"
        "October 14, 2026</a></blockquote></figure>"
        "<p>The dockers will meet again on Friday to decide whether the strike goes on.</p>"
        "</article></body></html>"
    )
    draft = draft_article(html)
    assert [(q.text, q.speaker.name if q.speaker else None) for q in draft.quotes] == [
        ("Third day of talks. We are in the last hours.", "Tomas Veller")
    ]


def test_a_country_the_article_makes_an_adjective_of_is_no_person() -> None:
    draft = draft_article(
        INTRO + "The Ostran delegation left early. Ostra conceded that the talks had been “useful”."
    )
    assert "Ostra" not in [actor.name for actor in draft.actors]
    assert [q.speaker for q in draft.quotes] == [None]


@pytest.mark.parametrize(
    ("sentence", "body", "person"),
    [
        ("“The guns are quiet,” said Rafael Quines, director of the Ostra Institute for "
         "Regional Affairs.", "Ostra Institute for Regional Affairs", "Rafael Quines"),
        ("Chairman of the State Committee for Water Resources and Land Reclamation Bahodir "
         "Ganiyev said the canal was “built by our own engineers”.",
         "State Committee for Water Resources and Land Reclamation", "Bahodir Ganiyev"),
    ],
    ids=["a body's name ending in an office word", "an office's words before its holder"],
)  # fmt: skip
def test_a_body_s_long_name_and_the_person_after_it(sentence: str, body: str, person: str) -> None:
    names = [actor.name for actor in draft_article(INTRO + sentence).actors]
    assert body in names and person in names, names


def test_a_sentence_that_ends_inside_a_quote_ends_there() -> None:
    found = unnamed_guesses(
        "The authority said it stood ready “to use every tool.” It did not disclose how much it "
        "paid, though the port spent “several million” on Monday, according to a person "
        "familiar with the matter."
    )
    assert found["several million"][:2] == (None, "a person familiar with the matter")


def test_the_verdict_of_someone_after_their_quote_and_a_hotel_is_a_place() -> None:
    draft = draft_article(
        INTRO + "At the Hotel Miraval, where 200 tourists are staying, guests were calm.\n\n"
        "“This is the first time in years that he has had to count every vote.”\n\n"
        "That was the verdict of Agnes Brell, a political scientist at Nerrick University."
    )
    names = [actor.name for actor in draft.actors]
    assert "Hotel Miraval" not in names and "Agnes Brell" in names
    (quote,) = draft.quotes
    assert quote.speaker is not None and quote.speaker.name == "Agnes Brell"


def test_an_interview_s_answers_are_the_subject_s_not_a_relative_s_named_before() -> None:
    draft = draft_article(
        "‘We did not come out for one man’: an interview\n\n"
        "Agnes Brell was revising for her exams when the port strike began. Agnes Brell "
        "talks to our reporter.\n\n"
        "Her father, Tomas Brell, 58, joins us for ten minutes. “She was always like this,” "
        "he says.\n\n"
        "We talk for almost two hours. What follows has been edited.\n\n"
        "Q: Did you expect the mayor to resign?\n\n"
        "A: No. Honestly, no. We were planning for another month.\n\n"
        "Q: Was it a victory?\n\n"
        "A: It was a resignation. Those are not the same thing."
    )
    answers = {q.text: q.speaker.name if q.speaker else None for q in draft.quotes}
    assert answers["No. Honestly, no. We were planning for another month."] == "Agnes Brell"
    assert answers["It was a resignation. Those are not the same thing."] == "Agnes Brell"


def test_an_agency_s_service_over_the_headline_is_the_agency() -> None:
    article = read_article(
        "OSTPRESS English Service\n\nOstra calls on Nerrick to honour the port deal\n\n"
        "NERRICK, Oct. 15 (OSTPRESS) -- Ostra on Thursday called on Nerrick to honour the "
        "lease of its container port.\n\nThe talks will resume on Friday."
    )
    assert (article.outlet, article.headline) == (
        "OSTPRESS",
        "Ostra calls on Nerrick to honour the port deal",
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "“I came here every night,” said Mihai, a 31-year-old engineer who declined to give "
        "his last name.",
        "“I came here every night,” said Mihai, a 31-year-old engineer.",
        "Gary Ashby, 44, said he ran.\n\nHis wife Mihai, 41, added: “I came here every night.”",
    ],
    ids=["declined to give his last name", "a first name and an age", "a relative's first name"],
)
def test_a_first_name_alone_is_unnamed(sentence: str) -> None:
    draft = draft_article(INTRO + sentence)
    assert "Mihai" not in [actor.name for actor in draft.actors]
    (quote,) = draft.quotes
    assert quote.speaker is None and quote.unnamed.endswith("Mihai")


def test_the_head_of_state_of_two_presidents_is_the_one_quoted_most() -> None:
    found = unnamed_guesses(
        "President Agnes Brell of Ostra said the deal was «a victory of reason».\n\n"
        "«Today our compatriots know we did not abandon them,» the President of Ostra "
        "stressed.\n\n"
        "The head of state thanked the President of Nerrick, Tomas Veller, for his "
        "mediation.\n\n"
        "«Our friends did what others only talked about,» the head of state noted."
    )
    assert found["Our friends did what others only talked about"][0] == "Agnes Brell"


def test_a_press_secretary_of_the_president_is_no_president() -> None:
    found = unnamed_guesses(
        "President Agnes Brell of Ostra spoke on Monday.\n\n"
        "The Press Secretary of the President of Ostra Milena Goran told journalists that "
        "the visit was «not planned».\n\n"
        "«We will follow every step,» the head of state stressed."
    )
    assert found["not planned"][0] == "Milena Goran"
    assert found["We will follow every step"][0] == "Agnes Brell"


def test_the_remarks_a_lede_quotes_are_whoever_the_next_paragraph_says_made_them() -> None:
    found = said_in(
        "Ostra calls on Nerrick to honour the port deal\n\n"
        "NERRICK, Oct. 15 (OSTPRESS) -- Ostra on Thursday called on Nerrick to honour the "
        "lease, stressing that the project is “a model of cooperation”.\n\n"
        "Foreign Ministry spokesperson Pavel Rusk made the remarks at a regular press "
        "briefing.\n\nThe talks will resume on Friday."
    )
    assert found == {"a model of cooperation": "Pavel Rusk"}


def test_a_branch_or_a_division_is_a_body() -> None:
    draft = draft_article(
        INTRO + "Ostra’s Marine Accident Investigation Branch said its inspectors were “ready "
        "to travel at a few hours’ notice”."
    )
    kinds = {actor.name: actor.kind for actor in draft.actors}
    assert kinds.get("Marine Accident Investigation Branch") == "government-body", kinds
    assert draft.quotes[0].speaker.name == "Marine Accident Investigation Branch"


def test_an_analysis_box_inside_a_saved_article_is_part_of_it() -> None:
    html = (
        "<!doctype html><html><head><title>Port talks - NRB News</title></head><body>"
        "<article><h1>Port talks go on into the night</h1>"
        "<p>The harbour of Nerrick stayed closed on Tuesday as talks between the dockers "
        "and the port went on into a third day.</p>"
        "<aside class='analysis-box'><h3>Analysis</h3>"
        "<p>For the town, the strike will be remembered as a story about two families and "
        "one very long winter on the quay.</p>"
        "<p>“Every strike in this port has had two parts: the thing that went wrong, and "
        "the reason nobody stopped it,” Ilse Marrow, the port’s director, told me.</p>"
        "</aside><aside class='related'><a href='/a'>More on ports</a></aside>"
        "<p>The dockers will meet again on Friday to decide whether the strike goes on.</p>"
        "</article></body></html>"
    )
    draft = draft_article(html)
    assert [(q.text, q.speaker.name if q.speaker else None) for q in draft.quotes] == [(
        "Every strike in this port has had two parts: the thing that went wrong, and the "
        "reason nobody stopped it", "Ilse Marrow",
    )]  # fmt: skip
    assert not any("More on ports" in p for p in read_article(html).paragraphs)

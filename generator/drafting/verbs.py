"""Verbs of saying, as news English uses them around quotes."""

from __future__ import annotations

_STEMS = (
    "say said says saying told tells telling added adds adding stated claimed claims "
    "claiming explained explains explaining noted writes wrote written writing posted "
    "tweeted asked asks replied replies responded responds responding answered insisted "
    "insists insisting argued argues arguing warned warns warning urged urges declared "
    "declares announced announces confirmed confirms denied denies admitted admits "
    "acknowledged acknowledges conceded concedes continued recalled recalls remarked "
    "observed suggested suggests complained complains cautioned stressed stresses "
    "emphasised emphasises emphasized emphasizes maintained maintains predicted predicts "
    "vowed pledged promised boasted boasts joked quipped shouted yelled whispered sighed "
    "concluded commented countered retorted alleged alleges charged testified reported "
    "quoted cited describe described describes describing called calls calling accused accuses "
    "accusing agreed "
    "demanded reiterated asserted asserts begged pleaded pleads wondered mused "
    "revealed reveals confided hinted exclaimed fumed fumes raged rages blasted blasts "
    "slammed slams gushed gushes beamed ranted snapped sobbed chuckled laughed "
    "sneered sneers scoffed scoffs mocked taunted jeered bragged thundered seethed "
    "welcomed welcomes hailed hails branded brands condemned condemns "
    "lamented laments recounted recounts decried decries conveyed conveys assured assures "
    "informed informs denounce denounced denounces denouncing dismissed dismisses labelled "
    "labeled characterised characterized expressed expresses voiced voices"
)
_PHRASES = (
    "put it", "puts it", "found that", "finds that", "spoke of", "speaks of", "accepted that",
    "accepts that",
)  # fmt: skip
"""Phrases and verbs that attribute words in some sentences only: "as Rusk put it", "the
report found that the contract was “badly managed”", "accepted that it had been “a
mistake”"."""
SAYING = "|".join(sorted({*_STEMS.split(), *_PHRASES}, key=len, reverse=True))
"""Any form of a verb of saying (a regex alternation, longest first)."""

MEDIA_VERBS = "reported|reports|quoted|quotes|cited|cites|said|says|wrote|published"

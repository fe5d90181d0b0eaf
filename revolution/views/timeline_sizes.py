"""The timeline's measures, shared by its parts: rows, margins, the narrowest chart it is laid out for, the
legend's rows, and how dates are labelled."""

LANE_PX = 24  # one row per event: room for a 13 px label and a 14 px mark
LABEL_CHARS = {"ko": 20, "en": 32}  # a lane's label past this ends in '…'; the hover has it whole
TOP_DATES_PX = (
    52  # above the rows on screen: the dates alone, up to two lines (the legend is under the chart)
)
# one row of legend entries, as measured in Chromium: Plotly sets a line of 16 px type 23.8 px high and leaves
# its `tracegroupgap` (10 px) under each row, every entry being a group of its own (it toggles its marks)
LEGEND_ROW_PX = 34
LEGEND_TYPE_PX = 16  # the legend's type size (the template's)
# The narrowest a timeline is drawn on screen: a Slides page preview on a 390 px phone (its expander leaves
# the chart 324 px; the Timeline page's chart is wider). The server never learns a chart's width, so what
# must fit at every width (the legend's rows, an era's name) is laid out for this one.
NARROWEST_PX = 324
SIDE_PX = 12  # the chart's margin on each side
OVERVIEW_YEARS = 80  # a longer span is drawn as an overview (events per period, under the eras), not a pile

PRECISION_RANK = {"day": 0, "month": 1, "year": 2, "decade": 3}
TICK_FORMATS = {  # tick labels by the distance between ticks, so that no two ticks read the same
    "ko": [
        (None, 86_400_000 * 27, "%-m월 %-d일"),
        (86_400_000 * 27, 86_400_000 * 360, "%Y년<br>%-m월"),  # two short lines: four fit a phone
        (86_400_000 * 360, None, "%Y년"),
    ],
    "en": [
        (None, 86_400_000 * 27, "%-d %b"),
        (86_400_000 * 27, 86_400_000 * 360, "%b<br>%Y"),  # one line on a slide: "%b %Y"
        (86_400_000 * 360, None, "%Y"),
    ],
}


ERA_LINE_PX = 18  # a line of era names (12 px type) under the bottom dates
BOTTOM_PX = TOP_DATES_PX  # under the rows: the dates again, two lines as on top
SCREEN_TICKS = 4  # dates along a chart on screen: "1917년 10월" four times fits a phone's 360 px
DAY_MS = 86_400_000
LEGEND_ITEM_PX = 40  # an entry's swatch and the gap after it (measure.legend_rows' default)
LEGEND_LINE_PX = 21  # a second line of an entry's name: 16 px type, as Plotly spaces lines

"""Every UI string in Korean and English, in one place; data titles come from the data's _ko/_en
columns."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    # shell
    # {texts} is how many texts the data holds, in words (`texts` below): "두 텍스트", "two texts"
    "app_title": {
        "ko": "러시아 혁명, {texts}의 숫자와 연표",
        "en": "The Russian Revolution in {texts}: figures and dates",
    },
    # the dashboard's name in citations and on a deck's first slide
    "export_title": {
        "ko": "러시아 혁명, {texts}의 숫자와 연표",
        "en": "The Russian Revolution in {texts}",
    },
    "language": {"ko": "언어", "en": "Language"},
    "lang_name": {"ko": "한국어", "en": "English"},
    "page_overview": {"ko": "개요", "en": "Overview"},
    "page_figures": {"ko": "수치", "en": "Figures"},
    "page_timeline": {"ko": "연표", "en": "Timeline"},
    "page_sources": {"ko": "두 텍스트 비교", "en": "Two sources"},
    "page_people": {"ko": "인물과 장소", "en": "People and places"},
    "page_explorer": {"ko": "데이터 탐색", "en": "Explorer"},
    "no_date": {"ko": "연도 미상", "en": "n.d."},
    "deck_empty": {"ko": "차트를 하나 이상 고르세요.", "en": "Choose at least one chart for the deck."},
    "deck_too_many": {
        "ko": "덱에는 차트를 {most}개까지 넣을 수 있습니다. {n}개를 골랐습니다.",
        "en": "A deck holds at most {most} charts; you chose {n}.",
    },
    # why the completeness ledger set a number aside, in Korean (English shows the ledger's own words)
    "excluded_other": {"ko": "데이터가 아닌 수", "en": "not data"},
    "excluded_as": {"ko": "{label} (데이터 아님)", "en": "{label}"},
    "decade_suffix": {"ko": "년대", "en": "s"},
    "footer": {
        "ko": "출처: {sources}. 모든 수치와 사건은 원문 문장으로 이어집니다. 인용은 원저자의 말이며, "
        "보여줄 뿐 지지하지 않습니다.",
        "en": "Sources: {sources}. Every figure and event leads back to its sentence. Quotes are their "
        "authors' words, shown, not endorsed.",
    },
    "data_error": {
        "ko": "데이터 파일에 문제가 있어 대시보드를 열 수 없습니다:",
        "en": "A data file has a problem, so the dashboard cannot open:",
    },
    "data_error_hint": {
        "ko": "파일을 고친 뒤 페이지를 새로 고치세요. 아무 파일도 바뀌지 않았습니다.",
        "en": "Fix the file and reload the page. No file was changed.",
    },
    "dropped_params": {
        "ko": "링크의 일부 값({keys})을 읽을 수 없어 기본값으로 보여 줍니다.",
        "en": "Some values in the link ({keys}) were not understood; the defaults are shown instead.",
    },
    "source": {"ko": "출처", "en": "Source"},
    "sources": {"ko": "텍스트", "en": "Sources"},
    "rows_behind": {
        "ko": "이 차트의 데이터 (텍스트 대안)",
        "en": "The rows behind this chart (text alternative)",
    },
    "no_rows": {
        "ko": "조건에 맞는 항목이 없습니다. 필터를 넓혀 보세요.",
        "en": "Nothing matches. Try wider filters.",
    },
    "derived": {"ko": "계산값", "en": "derived"},
    "derived_how": {"ko": "원문에 없는 값: {how} 으로 계산", "en": "Not in the text: computed as {how}"},
    # overview
    "overview_intro": {
        "ko": "한국어로 쓴 {texts} — {names} — 가 인용하는 모든 수치와 날짜를 원문 문장과 함께 정리했습니다.",
        "en": "Every figure and date cited by {texts} in Korean — {names} — each with the sentence it came "
        "from.",
    },
    "what_is_here": {"ko": "무엇이 들어 있나", "en": "What the dashboard holds"},
    "n_figures": {"ko": "수치", "en": "Figures"},
    "n_events": {"ko": "사건", "en": "Events"},
    "n_shared": {"ko": "두 텍스트가 함께 다룬 사건", "en": "Events both texts tell"},
    # sources are data (issue 26): the forms of the strings above for one text, or for three and more
    "n_shared_many": {"ko": "둘 이상의 텍스트가 함께 다룬 사건", "en": "Events more than one text tells"},
    "page_sources_many": {"ko": "텍스트 비교", "en": "Compare sources"},
    "sources_intro_many": {
        "ko": "비교할 두 텍스트를 고르면, 둘이 함께 다룬 사건의 원문을 나란히 읽습니다.",
        "en": "Choose two texts: for the events both tell, read the two sentences side by side.",
    },
    "sources_intro_one": {
        "ko": "비교하려면 텍스트가 둘 이상 있어야 합니다. 지금 대시보드에는 {name} 한 편만 있습니다.",
        "en": "A comparison needs at least two texts; the dashboard holds one, {name}.",
    },
    "first_text": {"ko": "첫째 텍스트", "en": "First text"},
    "second_text": {"ko": "둘째 텍스트", "en": "Second text"},
    "n_notes": {"ko": "출처 비판 주석", "en": "Source-critical notes"},
    "how_to_read": {"ko": "읽는 법", "en": "How to read"},
    "how_to_read_body": {
        "ko": '- **한정어**: 원문이 "25퍼센트에 못 미치는"이라고 하면 값은 *25% 미만*으로 표시하고, '
        "막대는 열린 끝(화살표)으로 그립니다. 정확한 값처럼 보이게 하지 않습니다.\n"
        "- **계산값**: 원문에 없는 비율(예: 40만/240만 = 16.7%)은 원문 수치에서 계산했다고 "
        "표시합니다.\n"
        "- **달력**: 러시아는 1918년 2월까지 율리우스력(구력)을 썼습니다. 연표의 '표기대로'는 원문의 "
        "날짜를, '신력(그레고리력)'은 계산한 날짜를 씁니다. 1917년 2월 23일(구력) = 3월 8일(신력).\n"
        "- **주석**: 원문이 스스로와, 또는 확립된 연대와 어긋나는 곳에는 원문을 고치지 않고 주석을 "
        "붙입니다.",
        "en": '- **Qualifiers**: where the text says "under 25 per cent", the value reads *under 25%* '
        "and its bar has an open end (an arrow); no bound is drawn as an exact value.\n"
        "- **Derived values**: a share the text does not state (e.g. 400,000 / 2.4 million = 16.7%) "
        "is marked as computed from the stated figures.\n"
        "- **Calendars**: Russia used the Julian (Old Style) calendar until February 1918. On the "
        "timeline, 'as written' plots the text's dates and 'New Style' the computed Gregorian ones: "
        "23 Feb 1917 O.S. = 8 Mar 1917 N.S.\n"
        "- **Notes**: where a text contradicts itself or established chronology, the text stays as "
        "it is and a note says what is wrong and why.",
    },
    "by_source": {"ko": "텍스트별", "en": "By source"},
    "by_category": {"ko": "분류별 사건", "en": "Events by category"},
    "by_era": {"ko": "시대별 사건", "en": "Events by era"},
    "show_quote": {"ko": "원문 보기", "en": "Show the sentence"},
    # figures
    "figures_intro": {
        "ko": "모든 차트는 figures.csv 에서 그립니다. 막대에 마우스를 올리면 원문이 보입니다.",
        "en": "Every chart is drawn from figures.csv; hover a mark to read its sentence.",
    },
    "any": {"ko": "전체", "en": "All"},
    "choose_group": {"ko": "차트", "en": "Chart"},
    "all_groups": {"ko": "전체", "en": "All"},
    "value": {"ko": "값", "en": "Value"},
    "year": {"ko": "연도", "en": "Year"},
    "index_axis": {"ko": "지수 (전쟁 전 = 100)", "en": "Index (pre-war = 100)"},
    "rank_axis": {"ko": "세계 순위", "en": "World rank"},
    "prewar_line": {"ko": "전쟁 전 수준", "en": "Pre-war level"},
    "bound_legend": {
        "ko": "원문이 범위만 말한 값 (빗금 안 어디든)",
        "en": "The text gives a range (anywhere in it)",
    },
    "bound_over_legend": {"ko": "하한: 실제 값은 이보다 큼 (→)", "en": "A floor: the value is higher (→)"},
    "bound_under_legend": {
        "ko": "상한: 실제 값은 이보다 작음 (←, 빗금)",
        "en": "A ceiling: the value is lower (←, hatched)",
    },
    "exact_legend": {"ko": "원문의 값", "en": "Value as stated"},
    "other_sources": {"ko": "다른 자료의 값 (참고)", "en": "Other sources (reference values)"},
    "show_refs": {"ko": "다른 자료의 값 함께 보기", "en": "Show what other sources say"},
    "refs_caption": {
        "ko": "✕ 표시는 {texts}가 아닌 다른 자료의 값입니다. 출처와 신뢰도, 단서는 아래 표에 있습니다.",
        "en": "Crosses are values from other sources, not from the {texts}; their sources, strength and "
        "caveats are in the table below.",
    },
    "refs_table": {"ko": "다른 자료의 값: 출처·신뢰도·단서", "en": "Other sources: source, strength, caveat"},
    "how_sure": {"ko": "이 숫자는 얼마나 확실한가?", "en": "How sure is this number?"},
    "why_differ": {"ko": "왜 다른가", "en": "Why they differ"},
    "refs_caption_overview": {
        "ko": "다른 자료의 값과 출처·단서는 '수치' 페이지의 각 차트에 있습니다.",
        "en": "Each reference value, with its source and caveat, is on the Figures page beside its chart.",
    },
    "download": {"ko": "이미지 내려받기", "en": "Download image"},
    "png_slide": {"ko": "PNG 슬라이드용 (1920×1080, 2배)", "en": "PNG for slides (1920×1080, 2×)"},
    "png_square": {"ko": "PNG 정사각형 (1080×1080, 2배)", "en": "PNG square (1080×1080, 2×)"},
    "svg": {"ko": "SVG (벡터)", "en": "SVG (vector)"},
    "image_pages": {"ko": "{label}: 슬라이드마다 한 장 (zip)", "en": "{label}: one per slide (zip)"},
    "no_browser": {
        "ko": "이미지 내보내기에 필요한 Chromium이 없습니다. 서버에 설치하세요: apt-get install chromium "
        "fonts-noto-cjk",
        "en": "Image export needs Chromium, which is not installed on the server: apt-get install chromium "
        "fonts-noto-cjk",
    },
    "one_year": {"ko": "{a}년", "en": "{a}"},
    "year_span": {"ko": "{a}–{b}년", "en": "{a}–{b}"},
    "move_up": {"ko": "위로", "en": "Up"},
    "move_down": {"ko": "아래로", "en": "Down"},
    "remove": {"ko": "빼기", "en": "Remove"},
    "download_bundle": {"ko": "수업 꾸러미 (zip) 내려받기", "en": "Download the lesson bundle (zip)"},
    "download_bundle_help": {
        "ko": "PPTX, 인터넷 없이 열리는 차트(HTML), 차트마다의 데이터(CSV)를 한 파일에 담았습니다.",
        "en": "The PPTX, each chart as a page that opens offline (HTML), and each chart's data (CSV), in "
        "one file.",
    },
    "bundle_index": {"ko": "수업 자료", "en": "Lesson materials"},
    "bundle_open": {
        "ko": "인터넷 없이 열립니다: 차트 파일을 브라우저로 여세요. 점 위에 마우스를 올리면 원문 인용이 "
        "보입니다.",
        "en": "Opens without internet: open a chart file in a browser; hover a mark to see its quote.",
    },
    "bundle_data": {"ko": "데이터 (CSV)", "en": "data (CSV)"},
    "deck_sources": {"ko": "출처", "en": "Sources"},
    "deck_dashboard": {"ko": "대시보드", "en": "Dashboard"},
    "deck_page": {"ko": "{title} ({total}쪽 중 {n})", "en": "{title} ({n}/{total})"},
    "keys_hint": {"ko": "← → 또는 PageUp/PageDown으로 넘기기", "en": "← → or PageUp/PageDown to move"},
    "page_slides": {"ko": "슬라이드", "en": "Slides"},
    "slides_intro": {
        "ko": "차트와 연표 화면을 골라 순서대로 PPTX로 내려받거나, 브라우저에서 발표 모드로 보여주세요.",
        "en": "Pick charts and timeline views, in order, and download them as a PPTX deck or present them "
        "full-screen in the browser.",
    },
    "choose_slides": {
        "ko": "슬라이드에 넣을 차트 (고른 순서대로)",
        "en": "Charts for the deck (in the order you pick them)",
    },
    "download_deck": {"ko": "PPTX 내려받기 ({n}장)", "en": "Download the PPTX ({n} slides)"},
    "present": {"ko": "발표 모드", "en": "Presentation mode"},
    "prev": {"ko": "이전", "en": "Back"},
    "present_end": {"ko": "끝내기", "en": "End"},
    "next": {"ko": "다음", "en": "Next"},
    "slide_n": {"ko": "{total}장 중 {n}번째", "en": "{n} of {total}"},
    "data_downloads": {"ko": "데이터 내려받기", "en": "Download the data"},
    "download_json": {"ko": "걸러낸 행 JSON", "en": "Filtered rows (JSON)"},
    "download_zip": {"ko": "데이터 패키지 전체 (zip)", "en": "The whole data package (zip)"},
    "download_timelinejs": {"ko": "연표: TimelineJS JSON", "en": "Events as TimelineJS JSON"},
    "maddison_line": {
        "ko": "1인당 GDP 지수, 1913=100 (Maddison; 다른 척도)",
        "en": "GDP per head index, 1913 = 100 (Maddison; a different measure)",
    },
    "chart_caption": {"ko": "출처: {source} — “{quote}”", "en": "Source: {source} — “{quote}”"},
    # timeline
    "timeline_intro": {
        "ko": "막대는 기간, 점은 날짜가 알려진 사건, 양 끝에 눈금이 있는 가는 선은 달·연도만 알려진 사건"
        "(그 안의 어느 때)입니다. 배경 띠는 시대입니다.",
        "en": "Bars are periods, dots events known to the day, thin lines events known only to the month or "
        "year (some time in it). Shaded bands are eras.",
    },
    "years": {"ko": "연도 범위", "en": "Years"},
    "years_typed": {"ko": "연도 입력 (예: 1917-1921)", "en": "Type years (e.g. 1917-1921)"},
    "years_typed_bad": {
        "ko": "연도를 읽지 못했습니다: 1917 또는 1917-1921처럼 입력하세요.",
        "en": "No years read: type them as 1917 or 1917-1921.",
    },
    "categories": {"ko": "분류", "en": "Categories"},
    "people": {"ko": "인물", "en": "People"},
    "places": {"ko": "장소", "en": "Places"},
    "search": {"ko": "검색 (한국어/영어)", "en": "Search (Korean or English)"},
    "calendar": {"ko": "달력", "en": "Calendar"},
    "cal_written": {"ko": "표기대로", "en": "As written"},
    "cal_new": {"ko": "신력 (그레고리력)", "en": "New Style (Gregorian)"},
    "color_by": {"ko": "색 구분", "en": "Colour by"},
    "color_category": {"ko": "분류", "en": "Category"},
    "color_source": {"ko": "텍스트", "en": "Source"},
    "preset": {"ko": "바로 가기", "en": "Preset"},
    "preset_all": {"ko": "전체", "en": "All"},
    "preset_revolution_years": {"ko": "혁명기 1914–1924", "en": "Revolution 1914–1924"},
    "preset_1917": {"ko": "1917년", "en": "1917"},
    "preset_revolution_1905_1907": {"ko": "1905년 혁명", "en": "1905 revolution"},
    "preset_civil_war_1918_1921": {"ko": "내전", "en": "Civil War"},
    "preset_nep_1921_1928": {"ko": "신경제정책", "en": "NEP"},
    "preset_1930s": {"ko": "1930년대", "en": "1930s"},
    "preset_struggles": {"ko": "1968년 이후 투쟁", "en": "Struggles since 1968"},
    "n_shown": {"ko": "사건 {n}개 표시 (전체 {total}개)", "en": "{n} of {total} events shown"},
    "density_title": {
        "ko": "사건 {n}개: {step}년마다 시작한 사건 수",
        "en": "{n} events: how many begin in each {step}-year step",
    },
    "overview_note": {
        "ko": "{span}년에 걸친 범위라 시기별 사건 수로 보여 줍니다. 바로 가기나 연도 범위로 {limit}년 "
        "이하로 좁히면 사건 하나하나가 원문과 함께 보입니다.",
        "en": "A span of {span} years is shown as events per period. Choose a preset or narrow the years "
        "to {limit} or fewer to see each event with its sentence.",
    },
    "density_note": {
        "ko": "사건이 너무 많아 하나씩 그리지 않고 시기별 개수를 보여 줍니다. 연도나 필터를 좁혀 사건 행이 "
        "{limit}개 이하가 되면 사건마다 점과 원문이 보입니다.",
        "en": "Too many events to draw one by one, so the chart counts them per period. Narrow the years "
        "or filters to {limit} event rows or fewer to see each event with its sentence.",
    },
    "first_rows": {
        "ko": "처음 {shown}개 행만 표시합니다 (전체 {total}개). 데이터 탐색의 내려받기에는 모든 행이 들어 "
        "있습니다.",
        "en": "Showing the first {shown} of {total} rows. The Explorer's downloads carry every row.",
    },
    "first_choices": {
        "ko": "처음 {shown}개 사건만 목록에 있습니다 (전체 {total}개). 검색이나 필터로 좁혀 보세요.",
        "en": "The list holds the first {shown} of {total} events. Search or filter to narrow it.",
    },
    "select_event": {
        "ko": "사건 선택 (차트에서 점을 눌러도 됩니다)",
        "en": "Select an event (or click a mark on the chart)",
    },
    "none_selected": {"ko": "— 선택 안 함 —", "en": "— none —"},
    "tellings": {"ko": "이 사건을 다룬 텍스트", "en": "How each text tells it"},
    "date_as_written": {"ko": "원문 날짜", "en": "Date as written"},
    "new_style": {"ko": "신력", "en": "New Style"},
    # vocabularies (revolution.data: categories, qualifiers, calendar): labels only
    "cat_reign": {"ko": "재위", "en": "Reign"},
    "cat_revolution": {"ko": "혁명", "en": "Revolution"},
    "cat_politics": {"ko": "정치", "en": "Politics"},
    "cat_war": {"ko": "전쟁", "en": "War"},
    "cat_economy": {"ko": "경제", "en": "Economy"},
    "cat_society": {"ko": "사회", "en": "Society"},
    "cat_labour": {"ko": "노동", "en": "Labour"},
    "cat_repression": {"ko": "탄압", "en": "Repression"},
    "cat_international": {"ko": "국제", "en": "International"},
    "cat_ideas": {"ko": "사상", "en": "Ideas"},
    "qual_exact": {"ko": "{v}", "en": "{v}"},
    "qual_approx": {"ko": "약 {v}", "en": "about {v}"},
    "qual_less_than": {"ko": "{v} 미만", "en": "under {v}"},
    "qual_more_than": {"ko": "{v} 초과", "en": "over {v}"},
    "qual_range": {"ko": "{lo}–{hi}", "en": "{lo}–{hi}"},
    "date_basis_context": {
        "ko": "날짜는 원문에 없음 — 앞뒤 문맥",
        "en": "date not in the sentence — from the surrounding text",
    },
    "date_basis_reference": {
        "ko": "날짜는 원문에 없음 — 표준 연표",
        "en": "date not in the text — standard chronology",
    },
    "no_other_names": {
        "ko": "데이터에 이 장소의 다른 이름은 없습니다.",
        "en": "The data gives this place no other name.",
    },
    "legend_text_period": {"ko": "빗금 막대: {text}의 기간", "en": "Hatched bar: a period in {text}"},
    "legend_inferred": {"ko": "점무늬: 날짜는 원문에 없음", "en": "Dotted: date not in the text"},
    "show_inferred": {
        "ko": "원문에 날짜가 없는 사건도 보기 (앞뒤 문맥·표준 연표로 날짜를 정한 사건)",
        "en": "Also show events whose date is not in the text (dated from the context or a chronology)",
    },
    "date_from_context": {"ko": "날짜를 주는 문장", "en": "The sentence that gives the date"},
    "date_from_reference": {"ko": "날짜의 출처", "en": "Source of the date"},
    "our_translation": {"ko": "우리 번역", "en": "Our translation"},
    "source_note": {"ko": "출처 비판", "en": "Source criticism"},
    "basis": {"ko": "근거", "en": "Basis"},
    "date_axis": {"ko": "연도", "en": "Year"},
    # sources
    "sources_intro": {
        "ko": "두 텍스트가 함께 다룬 사건의 원문을 나란히 읽습니다.",
        "en": "For events both texts tell, read the two sentences side by side.",
    },
    "coverage": {"ko": "10년 단위 사건 수", "en": "Events per decade"},
    "select_shared_event": {"ko": "두 텍스트가 함께 다룬 사건", "en": "An event both texts tell"},
    "decade": {"ko": "연대", "en": "Decade"},
    "n_events_axis": {"ko": "사건 수", "en": "Events"},
    "only_in": {"ko": "{source}에만 있는 사건", "en": "Told only by {source}"},
    "side_by_side": {"ko": "나란히 읽기", "en": "Side by side"},
    # people and places
    "people_intro": {
        "ko": "각 텍스트가 누구와 어디를 말하는지: 원문에서 이름이 나온 횟수와 연결된 사건.",
        "en": "Who and where each text talks about: how often a name appears, and the events linked to it.",
    },
    "mentions": {"ko": "언급 횟수", "en": "Mentions"},
    "mentions_people": {"ko": "인물 언급", "en": "People mentioned"},
    "mentions_places": {"ko": "장소 언급", "en": "Places mentioned"},
    "map_title": {"ko": "사건이 일어난 곳", "en": "Where it happened"},
    "map_note": {
        "ko": "국경과 해안선은 앱에 담긴 자료로 그려 교실에서 오프라인으로도 보입니다. "
        "점의 크기는 각 텍스트가 그 장소를 말한 횟수이고, 나라는 그 해 국경의 영역으로 칠합니다.",
        "en": "Borders and coastlines are drawn from data shipped with the app, so the map works offline "
        "in a classroom. A mark's size is how often each text names the place; a country is "
        "tinted as its area in the borders shown.",
    },
    # the places the map could not name without one name on another (place_map.map_chart's meta)
    "map_unnamed": {
        "ko": "지도에 이름을 다 쓰지 못한 곳(점에 마우스를 올리면 이름이 보입니다): {names}.",
        "en": "Named only on hover (no room on the map for their names): {names}.",
    },
    # the map's key: the numbers it draws where a place's name has no room (map_labels.key_text)
    "map_key": {"ko": "지도의 번호: {items}", "en": "Numbers on the map: {items}"},
    "by_era_table": {"ko": "시대별 연결 사건", "en": "Linked events by era"},
    "open_timeline": {"ko": "연표에서 보기", "en": "Show on the timeline"},
    # explorer
    "explorer_intro": {
        "ko": "수치와 사건을 표로 검색하고, 걸러낸 행을 그대로 CSV로 내려받습니다.",
        "en": "Search figures and events as tables, and download exactly the filtered rows as CSV.",
    },
    "table": {"ko": "표", "en": "Table"},
    "table_figures": {"ko": "수치", "en": "Figures"},
    "table_events": {"ko": "사건", "en": "Events"},
    "download_csv": {"ko": "걸러낸 {n}행 CSV 내려받기", "en": "Download the {n} filtered rows (CSV)"},
    "n_rows": {"ko": "{n}행", "en": "{n} rows"},
    "groups": {"ko": "차트 그룹", "en": "Chart groups"},
    "page_read": {"ko": "원문 읽기", "en": "Read the texts"},
    "read_intro": {
        "ko": "{texts}를 그대로 읽습니다. 대시보드의 모든 수치·사건·인물·장소·주석이 나온 자리에 표시가 "
        "있고, 표시 끝의 작은 꼬리표에 마우스를 올리거나 선택하면 그 행을 대시보드가 읽는 대로 보여 "
        "줍니다. 완전성 원장이 데이터에서 뺀 수는 흐리게, 뺀 까닭과 함께 보입니다.",
        "en": "The {texts} as written. Every figure, event, person, place and note of the dashboard is "
        "marked where it stands; hover or select the small tag after a mark to see the row as the "
        "dashboard reads it. Numbers the completeness ledger set aside are shown muted, with the "
        "reason.",
    },
    "read_in_context": {"ko": "문맥에서 읽기", "en": "Read in context"},
    "read_text": {"ko": "텍스트", "en": "Text"},
    "read_kinds": {"ko": "표시할 것", "en": "Mark"},
    "read_search": {"ko": "본문에서 찾기", "en": "Search the text"},
    # the sidebar's two buttons share its width: short words, so neither is cut at 1280×720
    "read_prev": {"ko": "이전 표시", "en": "Previous"},
    "read_next": {"ko": "다음 표시", "en": "Next"},
    "read_counts": {
        "ko": "표시 {marks}개 (수치 {figure}, 사건 {event}, 인물 {person}, 장소 {place}, 주석 {note}) · "
        "데이터에서 뺀 수 {excluded}개",
        "en": "{marks} marks ({figure} figures, {event} events, {person} people, {place} places, {note} "
        "notes) · {excluded} numbers set aside",
    },
    "read_hits": {"ko": "‘{q}’: {n}곳", "en": "‘{q}’: {n} places"},
    "read_selected": {"ko": "선택한 행", "en": "Selected row"},
    "read_none_selected": {
        "ko": "표시를 누르면 그 행이 여기에 보입니다.",
        "en": "Select a mark to see its row here.",
    },
    "read_period": {"ko": "기간", "en": "Period"},
    "read_mentions": {"ko": "이 텍스트에서 {n}번 나옴", "en": "named {n} times in this text"},
    "read_note_target": {"ko": "주석이 다루는 행", "en": "The row it is about"},
    "read_density": {"ko": "본문을 따라 표시가 몰린 정도", "en": "Where the marks are dense along the text"},
    "read_density_bin": {"ko": "표시 {n}개", "en": "{n} marks"},
    "read_gloss_note": {
        "ko": "영어 화면에서는 표시된 문장 옆에 영어 풀이가 나옵니다.",
        "en": "Beside each marked sentence, its English gloss where the data has one.",
    },
    "read_unknown_row": {
        "ko": "링크의 행({row})은 이 텍스트에 없습니다.",
        "en": "The row in the link ({row}) is not in this text.",
    },
    "kind_figure": {"ko": "수치", "en": "Figure"},
    "kind_event": {"ko": "사건", "en": "Event"},
    "kind_person": {"ko": "인물", "en": "Person"},
    "kind_place": {"ko": "장소", "en": "Place"},
    "kind_note": {"ko": "출처 비판 주석", "en": "Source note"},
    "kind_excluded": {"ko": "데이터에서 뺀 수", "en": "Not data"},
    "tag_figure": {"ko": "수", "en": "F"},
    "tag_event": {"ko": "사", "en": "E"},
    "tag_person": {"ko": "인", "en": "P"},
    "tag_place": {"ko": "곳", "en": "L"},
    "tag_note": {"ko": "주", "en": "N"},
    "tag_excluded": {"ko": "외", "en": "×"},
    # text alternatives of the charts (revolution.views.describe)
    "alt_timeline": {
        "ko": "연표 {lo}–{hi}년: 사건 {n}개 표시 (전체 {total}개), 가장 이른 날 {first}, 가장 늦은 날 "
        "{last}. 분류별 사건 수: {cats}.",
        "en": "Timeline {lo}–{hi}: {n} of {total} events shown, the earliest on {first}, the latest on "
        "{last}. Events per category: {cats}.",
    },
    "alt_timeline_empty": {
        "ko": "연표 {lo}–{hi}년: 전체 사건 {total}개 가운데 조건에 맞는 사건이 없습니다.",
        "en": "Timeline {lo}–{hi}: none of the {total} events matches.",
    },
    "alt_count": {"ko": "{name} {n}회", "en": "{name} {n} times"},
    "alt_mentions": {
        "ko": "{title}, 많이 언급된 순: {items}. 한 번 이상 언급된 이름 {n}개.",
        "en": "{title}, the most mentioned first: {items}. {n} names are mentioned at least once.",
    },
    "alt_in_decade": {"ko": "{decade} {n}개", "en": "the {decade}, {n}"},
    "alt_coverage": {
        "ko": "{title}: 사건이 있는 연대 {n}개, {first}부터 {last}까지. 사건이 가장 많은 연대는 {items}.",
        "en": "{title}: {n} decades with events, from the {first} to the {last}; the most events: {items}.",
    },
    # slides: the cost any one link can ask for
    "deck_cap": {
        "ko": "이 링크에는 직접 고른 연표 기간이 {n}개보다 많아, 처음 {n}개만 슬라이드에 넣었습니다.",
        "en": "This link asks for more than {n} custom timeline ranges; the deck keeps the first {n}.",
    },
    "unit_index": {"ko": "(전쟁 전 = 100)", "en": "(pre-war = 100)"},
    "text_says": {"ko": "텍스트가 말하는 값", "en": "What the text says"},
    "open_full_chart": {"ko": "전체 차트", "en": "Full chart"},
    "page_not_found": {"ko": "없는 페이지", "en": "No such page"},
    "page_not_found_body": {
        "ko": "이 주소에는 페이지가 없습니다. 주소를 확인하거나 아래에서 페이지를 고르세요.",
        "en": "There is no page at this address. Check the address, or choose a page below.",
    },
    "nothing_found": {"ko": "조건에 맞는 것이 없습니다. {how}", "en": "Nothing matches. {how}"},
    "widen_explorer": {
        "ko": "검색어를 지우거나 줄이고, 출처·차트 그룹·분류 선택을 비우면 모두 보입니다.",
        "en": "Clear or shorten the search, or empty the source, chart group and category choices, to see "
        "every row.",
    },
    "widen_figures": {
        "ko": "출처 선택을 비우거나 차트 그룹을 '전체'로 바꾸면 모두 보입니다.",
        "en": "Empty the source choice, or set the chart group to 'All', to see every chart.",
    },
    "no_linked_events": {
        "ko": "이 이름과 이어진 사건이 아직 없습니다. 다른 이름을 고르거나 연표에서 찾아보세요.",
        "en": "No event is linked to this name yet. Choose another name, or search the timeline.",
    },
    # the historical map (issue 27)
    "borders_of": {"ko": "{year}년 무렵의 국경", "en": "Borders as of {year}"},
    "borders_cross": {
        "ko": "이 기간은 {to}년 뒤의 국경 변화를 넘어갑니다",
        "en": "this window runs past a change of borders after {to}",
    },
    "borders_not_shown": {
        "ko": "국경 표시 안 함(이 시기의 국경 자료 없음)",
        "en": "Borders not shown (no layer for these years)",
    },
    "borders_cross_in": {
        "ko": "이 기간 중 일부는 국경 자료가 있는 해에 걸칩니다",
        "en": "part of this window falls in years a border layer covers",
    },
    "map_attribution": {
        "ko": "국경: {source}, {licence} · 해안: Natural Earth",
        "en": "Borders: {source}, {licence} · Natural Earth",
    },
    "land_attribution": {
        "ko": "해안선: Natural Earth(퍼블릭 도메인)",
        "en": "Coastlines: Natural Earth (public domain)",
    },
    "map_hover": {
        "ko": "%{customdata[1]}: 언급 %{customdata[2]}회, 사건 %{customdata[3]}건",
        "en": "%{customdata[1]}: %{customdata[2]} mentions, %{customdata[3]} events",
    },
    "map_no_mentions": {"ko": "언급 없음(사건만)", "en": "Not named (events only)"},
    # a country the texts name, drawn as its polity's area in the window's borders (place_polities.csv)
    "map_country_area": {"ko": "나라(그 해 국경의 영역)", "en": "Country (its area in these borders)"},
    "map_area_hover": {
        "ko": "{name} — {polity}({year}년 국경): 언급 {n}회({by}), 사건 {e}건",
        "en": "{name} — {polity} (borders of {year}): {n} mentions ({by}), {e} events",
    },
    "map_area_note": {
        "ko": "칠한 영역: 텍스트가 말한 나라(그 해 국경의 영역)",
        "en": "Tinted areas: the countries the texts name, in these borders",
    },
    "map_no_shape": {
        "ko": "{year}년 국경에 제 영역이 없는 나라는 점으로 표시했습니다: {items}.",
        "en": "Countries with no shape of their own in the borders of {year} are drawn as dots: {items}.",
    },
    "map_no_layer_countries": {
        "ko": "이 기간에는 국경 자료가 없어 나라도 점으로 표시했습니다.",
        "en": "No borders for these years: countries are drawn as dots too.",
    },
    "map_years": {"ko": "지도의 기간", "en": "Years on the map"},
    "map_place_events": {"ko": "{place}에서 일어난 사건 ({n}건)", "en": "Events at {place} ({n})"},
    "map_off_land": {"ko": "지도 참고", "en": "About this mark"},
    "alt_map": {
        "ko": "{title}. {status}. 장소 {n}곳: {items}.",
        "en": "{title}. {status}. {n} places: {items}.",
    },
    "alt_map_item": {"ko": "{name} 언급 {n}회 사건 {e}건", "en": "{name} {n} mentions, {e} events"},
    # --- issue 23: what a timeline mark says about a date; context rows; open eras; dates from a reference
    "mark_day": {"ko": "날짜가 알려짐", "en": "Day known"},
    "mark_month": {"ko": "달만 알려짐", "en": "Month known, not the day"},
    "mark_year": {"ko": "연도만 알려짐", "en": "Year known, not the month"},
    "mark_window": {"ko": "시기만 알려짐 (그 안의 어느 때)", "en": "Only a window known (some time in it)"},
    "mark_period": {"ko": "기간 (시작부터 끝까지)", "en": "Period (from start to end)"},
    "ctx_heading": {
        "ko": "이 기간에 걸친 시기 (이전에 시작했거나 이후에 끝남)",
        "en": "Periods this span falls within (began earlier or end later)",
    },
    "ctx_since": {"ko": "{a}년부터", "en": "since {a}"},
    "ctx_until": {"ko": "{b}년까지", "en": "until {b}"},
    "era_open_start": {"ko": "–{b}년", "en": "–{b}"},
    "era_open_end": {"ko": "{a}년–", "en": "{a}–"},
    "timeline_caption": {
        "ko": "출처: {sources} — 사건 {n}개 (사건마다 문장과 출처는 발표자 노트에)",
        "en": "Sources: {sources} — {n} events (each event's sentence and source in the speaker notes)",
    },
    "date_after_reference": {
        "ko": "원문에 날짜 없음 — {ref}에 따름",
        "en": "No date in the text — after {ref}",
    },
    # --- issue 24: the teacher's path (the deck where you are, the home page's first screen) ---
    "deck_add": {"ko": "슬라이드 묶음에 더하기", "en": "Add to the deck"},
    "deck_in": {"ko": "슬라이드 묶음에 있음", "en": "In the deck"},
    "deck_added": {
        "ko": "슬라이드 묶음에 더했습니다: {what} (모두 {n}개)",
        "en": "Added to the deck: {what} ({n} in all)",
    },
    "deck_count": {"ko": "슬라이드 묶음: {n}개", "en": "Deck: {n} items"},
    "deck_clear": {"ko": "모두 비우기", "en": "Clear the deck"},
    "deck_reset": {"ko": "핵심 차트 네 개로 되돌리기", "en": "Reset to the four headlines"},
    "deck_placeholder": {"ko": "빈 묶음: 차트를 고르세요", "en": "Empty deck: pick charts"},
    "deck_is_empty": {
        "ko": "슬라이드 묶음이 비었습니다. 각 차트와 연표 아래의 '슬라이드 묶음에 더하기'로 더하거나, "
        "위에서 고르거나, 핵심 차트 네 개로 되돌리세요.",
        "en": "The deck is empty. Add charts with 'Add to the deck' under each chart and timeline, pick "
        "them above, or reset to the four headlines.",
    },
    "image_note_link": {
        "ko": "이미지 아래에 출처와 이 화면의 공개 링크가 인쇄됩니다. SVG의 한글은 글꼴이 있는 컴퓨터에서 "
        "제대로 보입니다.",
        "en": "The source and this view's public link are printed under the image. Hangul in SVG needs "
        "a Korean font on the viewer's machine; PNG carries it as drawn.",
    },
    "image_note_nolink": {
        "ko": "이미지 아래에 출처가 인쇄됩니다 (이 서버에는 공개 주소가 설정되지 않아 링크는 인쇄되지 "
        "않습니다). SVG의 한글은 글꼴이 있는 컴퓨터에서 제대로 보입니다.",
        "en": "The source is printed under the image (this server has no public address set, so no link "
        "is printed). Hangul in SVG needs a Korean font on the viewer's machine; PNG carries it as drawn.",
    },
    "headline_source": {"ko": "출처: {source}", "en": "Source: {source}"},
    "headline_charts": {"ko": "핵심 수치의 차트", "en": "The headline figures' charts"},
    "telling_sentence": {
        "ko": "원문 문장 (인용 부분 강조)",
        "en": "The sentence in the text (the quote highlighted)",
    },
    "explorer_hits": {
        "ko": "'{q}' 검색 결과: 수치 {figures}개, 사건 {events}개",
        "en": "'{q}' found {figures} figures and {events} events",
    },
    # --- issue 26, ./dev add-text: the kinds of text, the review page (editing mode only), the public note
    "source_kind_history_survey": {"ko": "역사 개설", "en": "history survey"},
    "source_kind_political_manifesto": {"ko": "선언문", "en": "political manifesto"},
    "source_kind_textbook": {"ko": "교과서", "en": "textbook"},
    "source_kind_encyclopedia": {"ko": "백과사전", "en": "encyclopedia"},
    "source_kind_newspaper": {"ko": "신문 기사", "en": "newspaper article"},
    "source_kind_other": {"ko": "기타", "en": "other"},
    "review_group_title": {"ko": "{source}의 수치: {unit}", "en": "Figures in {source}: {unit}"},
    "page_review": {"ko": "새 텍스트 검토", "en": "Review a new text"},
    "review_intro": {
        "ko": "`./dev add-text 파일`로 넣은 텍스트의 제안입니다. 각 제안을 원문 문장 옆에서 받아들이거나 "
        "고치거나 버리세요(버린 수는 이유와 함께 완전성 장부의 제외 목록에 들어갑니다). 영어 제목과 풀이는 "
        "직접 쓰세요. 전체 데이터가 검사를 통과해야만 파일을 씁니다.",
        "en": "The proposals for a text added with `./dev add-text FILE`. Accept, edit or reject each one "
        "beside its sentence (a rejected number goes to the completeness ledger's exclusions with its "
        "reason). Write the English titles and glosses yourself. Nothing is written until the whole "
        "dataset passes the checks.",
    },
    "review_none": {
        "ko": "검토할 텍스트가 없습니다. 터미널에서 `./dev add-text 파일`을 실행하세요.",
        "en": "No text is waiting for review. Run `./dev add-text FILE` in a terminal.",
    },
    "review_text": {"ko": "검토할 텍스트", "en": "Text to review"},
    "review_source": {"ko": "{title} · 지은이 {author} · {kind}", "en": "{title} · by {author} · {kind}"},
    "review_counts": {
        "ko": "제안: 수치 {figures}개, 사건 {events}개, 제외 {exclusions}개, 새 이름 후보 {names}개 · "
        "정하지 않은 것 {open}개",
        "en": "Proposals: {figures} figures, {events} events, {exclusions} exclusions, {names} new name "
        "candidates · {open} not yet decided",
    },
    "review_figures": {"ko": "수치 제안", "en": "Proposed figures"},
    "review_events": {"ko": "사건 제안", "en": "Proposed events"},
    "review_exclusions": {"ko": "제외 제안", "en": "Proposed exclusions"},
    "review_names": {
        "ko": "새 인물·장소 후보 (`people.csv`, `places.csv`에 직접 추가)",
        "en": "New people and places (candidates: add them to people.csv, places.csv yourself)",
    },
    "review_accept_all": {"ko": "모두 받아들이기", "en": "Accept all"},
    "review_write": {"ko": "검사하고 쓰기", "en": "Check and write"},
    "review_written": {
        "ko": "썼습니다. 바뀐 파일의 예전 판은 {backup}에 있습니다. 페이지를 새로 고치면 모든 페이지에 새 "
        "텍스트가 보입니다.",
        "en": "Written. The replaced files are backed up in {backup}. Reload: every page shows the new text.",
    },
    # the intake's refusals (revolution.intake: a teacher's file, the review, the write)
    "intake_no_file": {"ko": "파일이 없습니다: {path}", "en": "No such file: {path}"},
    "intake_too_large": {
        "ko": "파일이 너무 큽니다 ({size} 바이트). 한 번에 {limit} 바이트까지 받습니다: 나누어 넣으세요.",
        "en": "The file is too large ({size} bytes); at most {limit} bytes are taken at once: split it.",
    },
    "intake_empty": {"ko": "파일이 비어 있습니다.", "en": "The file is empty."},
    "intake_binary": {
        "ko": "텍스트 파일이 아닙니다 (이진 파일). 글을 UTF-8 텍스트(.txt)로 저장하세요.",
        "en": "This is not a text file (binary). Save the text as UTF-8 plain text (.txt).",
    },
    "intake_not_utf8": {
        "ko": "UTF-8 텍스트가 아닙니다 ({line}번째 줄, 바이트 {byte}). UTF-8로 저장하세요.",
        "en": "Not UTF-8 text (line {line}, byte {byte}). Save the file as UTF-8.",
    },
    "intake_already_in": {
        "ko": "이 텍스트는 이미 들어 있습니다 (같은 SHA-256).",
        "en": "This text is already in the dashboard (same SHA-256).",
    },
    "intake_language": {
        "ko": "이번에는 한국어 텍스트만 받습니다 (요청한 언어: {language}).",
        "en": "Only Korean texts are taken for now (language asked for: {language}).",
    },
    "intake_not_korean": {
        "ko": "한국어 텍스트가 아닌 것 같습니다: 글자의 {share}만 한글입니다. "
        "이번에는 한국어 텍스트만 받습니다.",
        "en": "This does not look like a Korean text: only {share} of its letters are Hangul. "
        "Only Korean texts are taken for now.",
    },
    "intake_bad_id": {
        "ko": "텍스트 id는 영어 소문자로 시작하고 소문자, 숫자, _ 만 씁니다: {ident}",
        "en": "A text's id starts with a lower-case letter and holds lower-case letters, digits and _ "
        "only: {ident}",
    },
    "intake_bad_kind": {
        "ko": "종류는 {kinds} 가운데 하나입니다: {kind}",
        "en": "The kind is one of {kinds}: {kind}",
    },
    "intake_bad_date": {
        "ko": "날짜는 YYYY 또는 YYYY-MM 으로 씁니다: {date}",
        "en": "The date is written YYYY or YYYY-MM: {date}",
    },
    "intake_id_taken": {
        "ko": "같은 id의 텍스트가 이미 있습니다: {ident}. 다른 --id 를 고르세요.",
        "en": "A text with this id already exists: {ident}. Choose another --id.",
    },
    "intake_already_staged": {
        "ko": "이 텍스트는 이미 검토를 기다리고 있습니다 (같은 SHA-256). 그 검토를 마치거나 지우세요.",
        "en": "This text is already staged for review (same SHA-256). Finish that review or remove it.",
    },
    "intake_folder_exists": {
        "ko": "검토 폴더가 이미 있습니다: {folder}. 검토를 마치거나 폴더를 지우세요.",
        "en": "The review folder already exists: {folder}. Finish that review or remove the folder.",
    },
    "intake_span_missing": {
        "ko": "이 구절은 텍스트에 없습니다: {span}. 원문에서 그대로 옮겨 적으세요.",
        "en": "This span is not in the text: {span}. Copy it from the text as it is written.",
    },
    "intake_reason_needed": {"ko": "제외하는 까닭을 적으세요.", "en": "Say why the number is not data."},
    "intake_undecided": {
        "ko": "아직 정하지 않은 제안이 {n}개 있습니다: {which}",
        "en": "{n} proposals are not yet decided: {which}",
    },
    "intake_seed_exists": {
        "ko": "seeds/에 같은 이름의 파일이 있습니다: {name}",
        "en": "seeds/ already holds a file of this name: {name}",
    },
    "intake_checks_failed": {
        "ko": "데이터가 검사를 통과하지 못해 아무것도 쓰지 않았습니다: {problem}",
        "en": "The data did not pass the checks, so nothing was written: {problem}",
    },
    "intake_no_such_text": {"ko": "그런 텍스트가 없습니다: {ident}", "en": "No text has the id {ident}"},
    "intake_remove_failed": {
        "ko": "이 텍스트를 빼면 데이터가 검사를 통과하지 못해 아무것도 바꾸지 않았습니다: {problem}",
        "en": "Without this text the data would not pass the checks, so nothing was changed: {problem}",
    },
    "review_add": {"ko": "원문에서 한 줄 더하기", "en": "Add a row from the text"},
    "review_add_help": {
        "ko": "빠진 수치나 날짜, 또는 데이터가 아닌 수를 원문에서 그대로 옮겨 적으면, 같은 규칙으로 읽어 "
        "제안에 더합니다. 제외는 그 까닭을 함께 적습니다.",
        "en": "Copy a figure or a date the reader missed, or a number that is not data, from the text as it "
        "is written: it is read by the same rules and added to the proposals. An exclusion needs its reason.",
    },
    "review_add_table": {"ko": "무엇으로", "en": "As"},
    "review_add_span": {"ko": "원문의 구절", "en": "Span of the text"},
    "review_add_reason": {"ko": "제외하는 까닭", "en": "Why it is not data"},
    "review_add_button": {"ko": "더하기", "en": "Add"},
    "review_added": {"ko": "더했습니다: {what}", "en": "Added: {what}"},
    "review_calendar": {
        "ko": "날짜는 '{convention}' 달력 관례로 읽었습니다. {own}",
        "en": "Dates were read with the '{convention}' calendar convention. {own}",
    },
    "review_calendar_own": {
        "ko": "이 텍스트는 스스로 양력(신력)으로 센다고 말합니다('3월 혁명', '양력으로'): 러시아의 날짜도 "
        "양력으로 읽었습니다.",
        "en": "This text says it counts in New Style ('3월 혁명', '양력으로'): its Russian dates were read "
        "so.",
    },
    "review_remove": {"ko": "텍스트 빼기", "en": "Take a text out"},
    "review_remove_help": {
        "ko": "이 컴퓨터의 사본에서 텍스트 하나를 통째로 뺍니다: 원문, 그 행들, 인물·장소 연결, 메모, 제외 "
        "목록, 다른 텍스트가 쓰지 않는 사건 키. 먼저 검사하고, 바꾸는 파일은 모두 백업합니다.",
        "en": "Takes one text out of this copy: its seed, its rows, its links to people and places, its "
        "notes, its exclusions, and event keys no other text uses. Checked first; every file changed is "
        "backed up.",
    },
    "review_remove_text": {"ko": "뺄 텍스트", "en": "Text to take out"},
    "review_remove_button": {"ko": "검사하고 빼기", "en": "Check and take out"},
    "review_removed": {"ko": "뺐습니다. 백업: {backup}", "en": "Taken out. Backup: {backup}"},
    "review_status_proposed": {"ko": "제안됨 (정할 것)", "en": "proposed (to decide)"},
    "review_status_accepted": {"ko": "받아들임", "en": "accepted"},
    "review_status_edited": {"ko": "고쳐서 받아들임", "en": "edited"},
    "review_status_rejected": {"ko": "버림 (제외 목록으로)", "en": "rejected (to the exclusions)"},
    # the review tables' columns that the data tables' labels (COLUMN_LABELS) do not name
    "review_col_status": {"ko": "상태", "en": "Status"},
    "review_col_sentence": {"ko": "원문 문장", "en": "Sentence"},
    "review_col_reason": {"ko": "제안 이유 (버릴 때: 그 이유)", "en": "Why (when rejecting: why not)"},
    "review_col_match": {"ko": "찾은 수", "en": "Number found"},
    "review_col_context": {"ko": "앞뒤 문맥", "en": "Context"},
    "review_col_measure_ko": {"ko": "무엇의 수치 (한국어)", "en": "Measure (Korean)"},
    "review_col_measure_en": {"ko": "무엇의 수치 (영어)", "en": "Measure (English)"},
    "review_col_title_ko": {"ko": "제목 (한국어)", "en": "Title (Korean)"},
    "review_col_title_en": {"ko": "제목 (영어, 번역할 것)", "en": "Title (English, to translate)"},
    "review_col_people": {"ko": "인물", "en": "People"},
    "review_col_places": {"ko": "장소", "en": "Places"},
    "review_col_name_ko": {"ko": "이름", "en": "Name"},
    "review_name_person": {"ko": "인물", "en": "person"},
    "review_name_place": {"ko": "장소", "en": "place"},
    "add_text_how": {
        "ko": "**내 텍스트 넣기**: 교과서 단원, 백과사전 항목, 신문 기사를 더하려면 이 대시보드를 내 "
        "컴퓨터에 받아 `./dev add-text 파일.txt`를 실행하고 `./dev run --edit`의 검토 페이지에서 제안을 "
        "확인하세요. "
        "공유된 사이트에서는 아무것도 쓸 수 없습니다. 자세한 방법은 `docs/data.md`에 있습니다.",
        "en": "**Adding your own text**: to add a textbook chapter, an encyclopedia entry or a newspaper "
        "article, take your own copy of this dashboard, run `./dev add-text FILE.txt` and check the "
        "proposals on the review page of `./dev run --edit`. Nothing can be written on a shared site. The "
        "steps are in "
        '`docs/data.md`, "Adding a text".',
    },
}

# Tables on screen (revolution.views.columns): each column's name, and the codes a column holds as words.
COLUMN_LABELS = {
    "figure_id": {"ko": "번호", "en": "Id"},
    "event_id": {"ko": "번호", "en": "Id"},
    "ref_id": {"ko": "번호", "en": "Id"},
    "source_id": {"ko": "출처", "en": "Source"},
    "quote": {"ko": "원문", "en": "Quote"},
    "stated": {"ko": "값 (원문대로)", "en": "As stated"},
    "value": {"ko": "수치", "en": "Number"},
    "value_low": {"ko": "하한", "en": "Lower bound"},
    "value_high": {"ko": "상한", "en": "Upper bound"},
    "qualifier": {"ko": "한정 표현", "en": "Qualifier"},
    "unit": {"ko": "단위", "en": "Unit"},
    "measure": {"ko": "무엇을 세었나", "en": "Measure"},
    "period_start": {"ko": "시작 연도", "en": "From year"},
    "period_end": {"ko": "끝 연도", "en": "To year"},
    "period": {"ko": "시기", "en": "Period"},
    "group": {"ko": "차트 그룹", "en": "Chart group"},
    "headline": {"ko": "개요 카드", "en": "Headline card"},
    "notes": {"ko": "메모", "en": "Notes"},
    "kind": {"ko": "종류", "en": "Kind"},
    "derivation": {"ko": "계산 방법", "en": "How derived"},
    "date_text": {"ko": "원문 날짜", "en": "Date as written"},
    "start": {"ko": "시작 (원문 달력)", "en": "Start (as written)"},
    "end": {"ko": "끝 (원문 달력)", "en": "End (as written)"},
    "precision": {"ko": "정밀도", "en": "Precision"},
    "extent": {"ko": "한때·기간", "en": "Extent"},
    "calendar": {"ko": "달력", "en": "Calendar"},
    "calendar_basis": {"ko": "달력 근거", "en": "Calendar basis"},
    "start_gregorian": {"ko": "시작 (신력)", "en": "Start (New Style)"},
    "end_gregorian": {"ko": "끝 (신력)", "en": "End (New Style)"},
    "title": {"ko": "사건", "en": "Event"},
    "category": {"ko": "분류", "en": "Category"},
    "era": {"ko": "시대", "en": "Era"},
    "place": {"ko": "장소", "en": "Place"},
    "event_key": {"ko": "사건 키", "en": "Event key"},
    "quantity": {"ko": "무엇을 세었나", "en": "Quantity"},
    "scope": {"ko": "범위", "en": "Scope"},
    "source_title": {"ko": "서지 사항", "en": "Full reference"},
    "source_short": {"ko": "자료", "en": "Source"},
    "source_locator": {"ko": "위치", "en": "Locator"},
    "strength": {"ko": "자료의 성격", "en": "Kind of source"},
    "caveat": {"ko": "단서", "en": "Caveat"},
    "mentions": {"ko": "언급 수", "en": "Mentions"},
    "events": {"ko": "사건 수", "en": "Events"},
    "name": {"ko": "이름", "en": "Name"},
    "start_year": {"ko": "부터", "en": "From"},
    "end_year": {"ko": "까지", "en": "To"},
    "quote_en": {"ko": "영어 풀이 (우리 번역)", "en": "Our translation"},
    "aliases": {"ko": "다른 이름", "en": "Other names"},
    "date_basis": {"ko": "날짜의 근거", "en": "Date from"},
    "date_context": {"ko": "날짜를 주는 문장", "en": "Sentence that gives the date"},
    "date_context_en": {"ko": "날짜 문장의 영어 풀이", "en": "Its translation"},
    "date_reference": {"ko": "날짜의 출처", "en": "Source of the date"},
    "read": {"ko": "문맥에서 읽기", "en": "Read in context"},
}

CODE_WORDS = {
    "qualifier": {
        "exact": {"ko": "정확한 값", "en": "exact"},
        "approx": {"ko": "약", "en": "about"},
        "less_than": {"ko": "미만", "en": "under"},
        "more_than": {"ko": "초과", "en": "over"},
        "range": {"ko": "범위", "en": "range"},
    },
    "unit": {
        "percent": {"ko": "퍼센트", "en": "per cent"},
        "persons": {"ko": "명", "en": "people"},
        "index": {"ko": "지수 (전쟁 전 = 100)", "en": "index (pre-war = 100)"},
        "rank": {"ko": "순위", "en": "rank"},
        "countries": {"ko": "나라 수", "en": "countries"},
        "years": {"ko": "햇수", "en": "years"},
        "months": {"ko": "개월", "en": "months"},
        "times": {"ko": "배", "en": "times"},
        "fraction": {"ko": "분수", "en": "fraction"},
        "count": {"ko": "개수", "en": "count"},
        "other": {"ko": "기타", "en": "other"},
        # units of the reference values
        "percent of 1913": {"ko": "1913년 대비 퍼센트", "en": "per cent of 1913"},
        "percent per year": {"ko": "연 퍼센트", "en": "per cent a year"},
        "year": {"ko": "연도", "en": "year"},
    },
    "date_basis": {
        "stated": {"ko": "원문에 있음", "en": "the sentence"},
        "context": {"ko": "앞뒤 문맥", "en": "the surrounding text"},
        "reference": {"ko": "표준 연표", "en": "a standard chronology"},
    },
    "extent": {
        "point": {"ko": "한때 (그 사이 어느 때)", "en": "once (some time between)"},
        "period": {"ko": "기간 (내내)", "en": "period (throughout)"},
    },
    "precision": {
        "day": {"ko": "날짜", "en": "day"},
        "month": {"ko": "달", "en": "month"},
        "year": {"ko": "해", "en": "year"},
        "decade": {"ko": "연대", "en": "decade"},
    },
    # a telling's calendar line says these too: "구력 (율리우스력) — 텍스트가 밝힘" (format.calendar_name)
    "calendar": {
        "gregorian": {"ko": "신력 (그레고리력)", "en": "New Style (Gregorian)"},
        "julian": {"ko": "구력 (율리우스력)", "en": "Old Style (Julian)"},
        "unspecified": {"ko": "달력 표기 없음", "en": "calendar not stated"},
    },
    "calendar_basis": {
        "stated": {"ko": "텍스트가 밝힘", "en": "as the text says"},
        "convention": {
            "ko": "텍스트는 밝히지 않음: 당시 그곳의 달력",
            "en": "not stated by the text: the calendar then in force there",
        },
        "none": {"ko": "없음", "en": "none"},
    },
    "kind": {"stated": {"ko": "원문 수치", "en": "stated"}, "derived": {"ko": "계산값", "en": "derived"}},
    "strength": {
        "encyclopedia": {"ko": "백과사전", "en": "encyclopedia"},
        "scholarly": {"ko": "학술 연구", "en": "scholarly"},
        "primary": {"ko": "1차 자료", "en": "primary source"},
        "primary (propaganda)": {"ko": "1차 자료 (선전물)", "en": "primary source (propaganda)"},
        "secondary": {"ko": "2차 인용", "en": "secondary"},
        "weak": {"ko": "약한 근거", "en": "weak"},
        "dataset": {"ko": "데이터 세트", "en": "dataset"},
    },
}


def word(vocabulary: str, code: str, lang: str) -> str:
    """A vocabulary's code in the reader's language (CODE_WORDS), or the code itself if it has no word."""
    return CODE_WORDS.get(vocabulary, {}).get(code, {}).get(lang, str(code))


def our_translation(gloss: str, lang: str, close: bool = True) -> str:
    """Our English gloss of a Korean sentence, labelled as ours: 'Our translation: “…”'. The gloss is given
    as it is to be shown (escaped for Markdown or HTML by the caller); `close=False` leaves the closing mark
    to a template that adds it (a hover's)."""
    return f"{t('our_translation', lang)}: “{gloss}" + ("”" if close else "")


def t(key: str, lang: str, **values) -> str:
    """The string for `key` in `lang` (Korean when the language is unknown), with values filled in."""
    entry = STRINGS[key]
    text = entry.get(lang) or entry["ko"]
    return text.format(**values) if values else text


# Small counts in words, as Korean counts before a noun (두 텍스트, 세 텍스트) and English spells them.
NUMBER_WORDS = {
    "ko": ("", "한", "두", "세", "네", "다섯", "여섯", "일곱", "여덟", "아홉", "열"),
    "en": ("", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
}


def texts(n: int, lang: str) -> str:
    """How many texts, in words: "두 텍스트" / "two texts"; past ten, in figures ("11개 텍스트")."""
    words = NUMBER_WORDS.get(lang, NUMBER_WORDS["ko"])
    if lang == "en":
        return f"{words[n] if 0 < n < len(words) else n} text{'' if n == 1 else 's'}"
    return f"{words[n]} 텍스트" if 0 < n < len(words) else f"{n}개 텍스트"


def counted(key: str, lang: str, n: int, **values) -> str:
    """A string that depends on how many texts there are: `key` as written for two (the shipped data), or
    its `_one` / `_many` form where one exists for one text or for three and more."""
    form = f"{key}_one" if n == 1 else f"{key}_many" if n > 2 else key
    if form not in STRINGS:
        form = f"{key}_many" if n != 2 and f"{key}_many" in STRINGS else key
    return t(form, lang, **values)


def category(code: str, lang: str) -> str:
    """A category's name; a code the vocabulary does not know is shown as it is."""
    key = f"cat_{code}"
    return t(key, lang) if key in STRINGS else code


# How each language writes a unit after a number (revolution.data.units holds the codes); `persons`
# carries its space, a percentage none.
UNIT_SUFFIX = {
    "ko": {
        "percent": "%",
        "persons": " 명",
        "index": "",
        "rank": "위",
        "countries": "개국",
        "years": "년",
        "months": "개월",
        "times": "배",
        "fraction": "",
        "count": "",
        "other": "",
    },
    "en": {
        "percent": "%",
        "persons": " people",
        "index": "",
        "rank": "",
        "countries": " countries",
        "years": " years",
        "months": " months",
        "times": "×",
        "fraction": "",
        "count": "",
        "other": "",
    },
}

# The Korean class of a ledger's reason, by a word in the reason's English text; the first match wins.
EXCLUSION_CLASSES = (
    ("regnal", "왕 이름의 서수"),
    ("ordinal", "이름 속 서수"),
    ("heading", "절 제목"),
    ("title", "제목"),
    ("repeats", "앞에 나온 사건의 반복"),
    ("photograph", "사진 설명"),
    ("picture caption", "사진 설명"),
    ("period label", "시기를 가리키는 말"),
    ("part of the word", "낱말의 일부"),
    ("list item", "목록 번호"),
    ("present", "글을 쓰는 시점"),
    ("name", "사건의 이름"),
    ("label", "이름처럼 쓴 연도"),
)

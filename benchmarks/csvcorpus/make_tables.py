"""Seeded generator of the clean source tables the polluted files are written from.

Each table imitates one kind of real export (Seoul air-quality open data, a Japanese e-Stat
population table, a German bank statement, an INSEE commune list, a US Excel sales sheet, a web
server log export, a plate reader, an HR system export, NOAA-style daily weather, a multilingual
survey, a product catalogue, a transit ridership dump, a two-column indicator sheet, a single
column list, a 1,200-column sensor matrix, a Japanese sales ledger, Chinese retail statistics, a
Russian budget report).  Output: tables/<name>.json with the column specs, typed values and the
clean text of every cell as the table's own locale writes it.

    python make_tables.py --out tables --seed 20240611
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
from pathlib import Path

from common import rendered_rows

KO_GU = [
    "강남구",
    "강동구",
    "강북구",
    "강서구",
    "관악구",
    "광진구",
    "구로구",
    "금천구",
    "노원구",
    "도봉구",
    "동대문구",
    "동작구",
    "마포구",
    "서대문구",
    "서초구",
    "성동구",
    "성북구",
    "송파구",
    "양천구",
    "영등포구",
    "용산구",
    "은평구",
    "종로구",
    "중구",
    "중랑구",
]
JP_PREF = [
    "北海道",
    "青森県",
    "岩手県",
    "宮城県",
    "秋田県",
    "山形県",
    "福島県",
    "茨城県",
    "栃木県",
    "群馬県",
    "埼玉県",
    "千葉県",
    "東京都",
    "神奈川県",
    "新潟県",
    "富山県",
    "石川県",
    "福井県",
    "山梨県",
    "長野県",
    "岐阜県",
    "静岡県",
    "愛知県",
    "三重県",
    "滋賀県",
    "京都府",
    "大阪府",
    "兵庫県",
    "奈良県",
    "和歌山県",
    "鳥取県",
    "島根県",
    "岡山県",
    "広島県",
    "山口県",
    "徳島県",
    "香川県",
    "愛媛県",
    "高知県",
    "福岡県",
    "佐賀県",
    "長崎県",
    "熊本県",
    "大分県",
    "宮崎県",
    "鹿児島県",
    "沖縄県",
]
CN_CITY = [
    "北京",
    "上海",
    "广州",
    "深圳",
    "天津",
    "重庆",
    "杭州",
    "南京",
    "武汉",
    "成都",
    "西安",
    "苏州",
    "郑州",
    "长沙",
    "青岛",
    "沈阳",
    "大连",
    "厦门",
    "宁波",
    "合肥",
]
CN_NOTE = [
    "数据为初步核算数",
    "含网上零售额",
    "同比口径已调整",
    "受春节因素影响，增速回落",
    "",
    "其中：餐饮收入增长较快",
    "按可比口径计算",
    "注：不含农户消费, 另行统计",
]
RU_ITEMS = [
    "Функционирование высшего должностного лица субъекта РФ",
    "Функционирование законодательных (представительных) органов",
    "Обеспечение деятельности финансовых, налоговых и таможенных органов",
    "Резервные фонды",
    "Другие общегосударственные вопросы",
    "Органы юстиции",
    "Гражданская оборона",
    "Сельское хозяйство и рыболовство",
    "Водное хозяйство",
    "Лесное хозяйство",
    "Транспорт",
    "Дорожное хозяйство (дорожные фонды)",
    "Связь и информатика",
    "Жилищное хозяйство",
    "Коммунальное хозяйство",
    "Благоустройство",
    "Дошкольное образование",
    "Общее образование",
    "Молодежная политика",
    "Культура",
    "Стационарная медицинская помощь",
    "Пенсионное обеспечение",
    "Социальное обеспечение населения",
    "Охрана семьи и детства",
    "Массовый спорт",
    "Периодическая печать и издательства",
]
RU_NAMES = [
    "Иванов И. И.",
    "Петрова А. С.",
    "Смирнов Д. В.",
    "Кузнецова Е. Н.",
    "Попов А. А.",
    "Соколова М. Ю.",
    "Лебедев К. П.",
    "Новикова О. Г.",
]
DE_PAYEES = [
    "REWE Markt GmbH",
    "Stadtwerke München",
    "Müller, Hans",
    "Deutsche Telekom AG",
    "Amazon EU S.a.r.l.",
    "Bäckerei Schäfer",
    "Finanzamt Köln-Süd",
    "Arbeitgeber Weiß & Söhne KG",
    "Vermieter Jürgen Öztürk",
    "ALDI SÜD",
    "Techniker Krankenkasse",
    "PayPal (Europe) S.a r.l. et Cie., S.C.A.",
    "Drogerie Rossmann",
    "Tankstelle Aral",
    "Sparkasse Fürth",
    "Größer & Partner",
]
DE_TEXTS = ["Lastschrift", "Überweisung", "Gutschrift", "Kartenzahlung", "Dauerauftrag", "Gehalt/Rente"]
FR_COMMUNES = [
    "L'Abergement-Clémenciat",
    "Ambérieu-en-Bugey",
    "Bâgé-Dommartin",
    "Château-Gaillard",
    "Saint-Étienne-du-Bois",
    "Évreux",
    "Île-d'Aix",
    "Lœuilly",
    "Saint-Genis-Pouilly",
    "Œting",
    "Beaulieu-sur-Dordogne",
    "Sainte-Foy-lès-Lyon",
    "Crêches-sur-Saône",
    "Montréal",
    "Hôpital-Camfrout",
    "Plœmeur",
    "La Tranche-sur-Mer",
    "Fontaine-lès-Dijon",
    "Vénissieux",
    "Saint-Jean-d'Angély",
    "Aÿ-Champagne",
    "Brûlon",
    "Guérande",
    "Sète",
    "Arçonnay",
]
FR_DEPTS = [
    ("01", "Ain"),
    ("02", "Aisne"),
    ("07", "Ardèche"),
    ("13", "Bouches-du-Rhône"),
    ("2A", "Corse-du-Sud"),
    ("21", "Côte-d'Or"),
    ("27", "Eure"),
    ("29", "Finistère"),
    ("44", "Loire-Atlantique"),
    ("69", "Rhône"),
    ("71", "Saône-et-Loire"),
    ("85", "Vendée"),
    ("973", "Guyane"),
]
US_PLACES = [
    ("New York City", "New York", "10024", "East"),
    ("Los Angeles", "California", "90036", "West"),
    ("Boston", "Massachusetts", "02134", "East"),
    ("Newark", "New Jersey", "07102", "East"),
    ("Houston", "Texas", "77095", "Central"),
    ("Seattle", "Washington", "98105", "West"),
    ("Chicago", "Illinois", "60610", "Central"),
    ("Portland", "Maine", "04101", "East"),
    ("Hartford", "Connecticut", "06103", "East"),
    ("Miami", "Florida", "33142", "South"),
    ("Atlanta", "Georgia", "30318", "South"),
    ("Denver", "Colorado", "80219", "West"),
]
US_PRODUCTS = [
    "Staples, 12-Pack",
    'Acme 12" Stainless Steel Ruler',
    'Avery Binder, 1" Ring, Blue',
    "Logitech M325 Wireless Mouse",
    'Hon "Comfort" Task Chair',
    "Eldon Fold 'N Roll Cart System",
    "Xerox 1967",
    'Southworth 25% Cotton Paper, 8.5" x 11"',
    "Samsung Galaxy S23, 128GB",
    "Bretford CR4500 Series Slim Rectangular Table",
    "GBC DocuBind P400 Electric Binding System",
    "Newell 322",
    "Fellowes PB500 Electric Punch Plastic Comb Binding Machine with Manual Bind",
    'Wilson Jones "Snap" Scratch Pad Binder Tool',
    "Kingston 64GB USB 3.0, 2/pk",
]
US_NAMES = [
    "Claire Gute",
    "Darrin Van Huff",
    "Sean O'Donnell",
    "Brosina Hoffman",
    "Andrew Allen",
    "Irene Maddox",
    "Harold Pawlan",
    "Pete Kriz",
    "Anna Donatelli",
    "Ken Black",
    "Sandra Flanagan",
    "Emily Burns",
    "Eric Hoffmann",
    "Tracy Blumstein",
    "Matt Abelman",
    "Gene Hale",
    "Steve Nguyen",
    "Linda Cazamias",
    "Ruben Ausman",
    "Erin Smith",
    "Odella Nelson",
    "Patrick O'Brien",
    "Lena Hernandez",
    "Ruth Carroll",
    "José Martínez",
]
GIVEN = [
    "민준",
    "서연",
    "Hiroshi",
    "さくら",
    "Алексей",
    "Наталья",
    "Émilie",
    "Jürgen",
    "Søren",
    "María José",
    "Chloé",
    "Łukasz",
    "Zoë",
    "Nguyễn",
    "Priya",
    "John",
    "O'Neil",
    "Wei",
    "美咲",
    "Дмитрий",
    "Ana-Lucía",
]
FAMILY = [
    "김",
    "이",
    "박",
    "田中",
    "佐藤",
    "Иванов",
    "Смирнова",
    "Dubois",
    "Müller",
    "Ødegård",
    "García",
    "Lefèvre",
    "Kowalski",
    "Smith",
    "O'Connor",
    "Li",
    "Chen",
    "Schröder",
    "Núñez",
    "van der Berg",
]
SURVEY_COMMENTS = [
    "Great service, would use again.",
    'The "express" option was not express at all.',
    "Delivery was late;\nthe driver was friendly though.",
    "배송이 빨랐어요. 포장도 꼼꼼했습니다!",
    "Très bien, mais le site est lent, surtout le soir.",
    'Всё отлично, спасибо! Но цены "кусаются".',
    "対応が丁寧でした。\nまた利用します。",
    "价格合理，质量不错，会推荐给朋友。",
    "Preis-Leistung stimmt, Lieferung 2–3 Tage.",
    "",
    "N/A",
    "Loved it 😀 — five stars",
    "Too expensive, compared to, say, the competition",
    "App crashes when I tap 'Pay' (iOS 17.2)",
    "Nothing to add.",
    "Customer support said: \"we'll call you back\". They didn't.",
]
LOG_MSGS = [
    "GET /api/v1/orders returned 200",
    'user "alice" logged in',
    "Timeout after 30000 ms, retrying (attempt 2/5)",
    'payload={"id": 42, "tags": ["a", "b"]}',
    "Could not open C:\\ProgramData\\app\\config.ini",
    "Slow query: SELECT * FROM orders WHERE status = 'open'",
    "cache miss for key user:1234:profile",
    'Exception in thread "main" java.lang.NullPointerException\n\tat com.acme.Foo.bar(Foo.java:42)',
    "disk usage 91%, threshold 90%",
    "connection reset by peer",
]
UA = [
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0 Safari/537.36",
    "curl/8.4.0",
    "python-requests/2.31.0",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
    "okhttp/4.12.0",
]


def maybe(rng, value, p_empty):
    return None if rng.random() < p_empty else value


def d(x: dt.date) -> str:
    return x.isoformat()


def t_kr_air(rng):
    cols = [
        {"name": "측정일시", "type": "datetime", "fmt": "%Y-%m-%d %H:%M"},
        {"name": "측정소명", "type": "cat"},
        {"name": "미세먼지(㎍/㎥)", "type": "int"},
        {"name": "초미세먼지(㎍/㎥)", "type": "int"},
        {"name": "오존(ppm)", "type": "dec", "places": 3},
        {"name": "이산화질소(ppm)", "type": "dec", "places": 3},
        {"name": "일산화탄소(ppm)", "type": "dec", "places": 1},
        {"name": "아황산가스(ppm)", "type": "dec", "places": 3},
        {"name": "통합대기환경등급", "type": "cat"},
        {"name": "점검여부", "type": "bool", "bool_words": ["예", "아니오"]},
    ]
    start = dt.datetime(2024, 3, 1, 1, 0)
    rows = []
    for h in range(12):
        for gu in rng.sample(KO_GU, 20):
            pm10 = rng.randint(8, 160)
            pm25 = max(3, int(pm10 * rng.uniform(0.35, 0.7)))
            grade = "좋음" if pm10 <= 30 else "보통" if pm10 <= 80 else "나쁨" if pm10 <= 150 else "매우나쁨"
            rows.append(
                [
                    (start + dt.timedelta(hours=h)).isoformat(),
                    gu,
                    maybe(rng, pm10, 0.04),
                    maybe(rng, pm25, 0.04),
                    round(rng.uniform(0.002, 0.065), 3),
                    round(rng.uniform(0.008, 0.06), 3),
                    round(rng.uniform(0.2, 0.9), 1),
                    round(rng.uniform(0.002, 0.006), 3),
                    grade,
                    rng.random() < 0.05,
                ]
            )
    return cols, rows


def t_jp_population(rng):
    cols = [
        {"name": "都道府県コード", "type": "id"},
        {"name": "都道府県名", "type": "cat"},
        {"name": "総人口", "type": "int", "group": True, "sum": True},
        {"name": "男", "type": "int", "group": True, "sum": True},
        {"name": "女", "type": "int", "group": True, "sum": True},
        {"name": "人口増減率（％）", "type": "dec", "places": 2},
        {"name": "面積（km2）", "type": "dec", "places": 2, "group": True, "sum": True},
        {"name": "人口密度（人/km2）", "type": "dec", "places": 1},
        {"name": "調査時点", "type": "date", "fmt": "%Y/%-m/%-d"},
    ]
    rows = []
    for i, p in enumerate(JP_PREF):
        tot = rng.randint(540_000, 14_100_000)
        m = int(tot * rng.uniform(0.47, 0.5))
        area = rng.uniform(1800, 83_500)
        rows.append(
            [
                f"{i + 1:02d}",
                p,
                tot,
                m,
                tot - m,
                round(rng.uniform(-1.6, 0.4), 2),
                round(area, 2),
                round(tot / area, 1),
                "2020-10-01",
            ]
        )
    return cols, rows


def t_cn_retail(rng):
    cols = [
        {"name": "日期", "type": "date", "fmt": "%Y年%-m月%-d日"},
        {"name": "地区", "type": "cat"},
        {"name": "社会消费品零售总额(亿元)", "type": "dec", "places": 2, "group": True, "sum": True},
        {"name": "同比增长(%)", "type": "dec", "places": 1},
        {"name": "占全国比重", "type": "pct", "places": 1},
        {"name": "网上零售额(亿元)", "type": "dec", "places": 2, "sum": True},
        {"name": "备注", "type": "text"},
    ]
    rows = []
    for mth in range(1, 7):
        for city in CN_CITY:
            tot = rng.uniform(300, 16000)
            rows.append(
                [
                    d(dt.date(2023, mth, 28)),
                    city,
                    round(tot, 2),
                    round(rng.uniform(-8, 25), 1),
                    round(rng.uniform(0.3, 3.9), 1),
                    maybe(rng, round(tot * rng.uniform(0.1, 0.4), 2), 0.1),
                    rng.choice(CN_NOTE),
                ]
            )
    return cols, rows


def t_ru_budget(rng):
    cols = [
        {"name": "Код раздела", "type": "id"},
        {"name": "Наименование показателя", "type": "text"},
        {
            "name": "Утверждено, руб.",
            "type": "dec",
            "places": 2,
            "group": True,
            "decimal": ",",
            "group_char": " ",
            "sum": True,
        },
        {
            "name": "Исполнено, руб.",
            "type": "dec",
            "places": 2,
            "group": True,
            "decimal": ",",
            "group_char": " ",
            "sum": True,
        },
        {"name": "Исполнение, %", "type": "dec", "places": 1, "decimal": ","},
        {"name": "Дата отчёта", "type": "date", "fmt": "%d.%m.%Y"},
        {"name": "Ответственный", "type": "cat"},
    ]
    rows = []
    for i, item in enumerate(RU_ITEMS):
        code = f"{(i // 4) + 1:02d}{(i % 4) + 2:02d}"
        plan = rng.uniform(150_000, 950_000_000)
        done = plan * rng.uniform(0.55, 1.02)
        name = item if rng.random() < 0.8 else item + " (в т.ч. «МФЦ»)"
        rows.append(
            [
                code,
                name,
                round(plan, 2),
                round(done, 2),
                round(done / plan * 100, 1),
                "2024-04-01",
                rng.choice(RU_NAMES),
            ]
        )
    return cols, rows


def t_de_bank(rng):
    cols = [
        {"name": "Buchungstag", "type": "date", "fmt": "%d.%m.%Y"},
        {"name": "Wertstellung", "type": "date", "fmt": "%d.%m.%Y"},
        {"name": "Buchungstext", "type": "cat"},
        {"name": "Auftraggeber / Empfänger", "type": "text"},
        {"name": "Verwendungszweck", "type": "text"},
        {"name": "IBAN", "type": "id"},
        {
            "name": "Betrag (EUR)",
            "type": "dec",
            "places": 2,
            "group": True,
            "decimal": ",",
            "group_char": ".",
            "sum": True,
        },
        {"name": "Saldo (EUR)", "type": "dec", "places": 2, "group": True, "decimal": ",", "group_char": "."},
        {"name": "Währung", "type": "cat"},
    ]
    rows = []
    day = dt.date(2024, 1, 2)
    bal = 2345.67
    for _i in range(140):
        day += dt.timedelta(days=rng.choice([0, 0, 1, 1, 2, 3]))
        txt = rng.choice(DE_TEXTS)
        amt = (
            round(rng.uniform(2500, 4200), 2)
            if txt in ("Gutschrift", "Gehalt/Rente")
            else -round(rng.uniform(1.5, 1450), 2)
        )
        bal = round(bal + amt, 2)
        payee = rng.choice(DE_PAYEES)
        purpose = rng.choice(
            [
                f"RE {rng.randint(1000, 9999)}/2024 Kd-Nr. {rng.randint(10000, 99999)}",
                "Miete Januar; Nebenkosten inkl.",
                f'Einkauf "Wocheneinkauf" Filiale {rng.randint(10, 999)}',
                f"SEPA-BASISLASTSCHRIFT Mandat {rng.randint(100000, 999999)} Gläubiger-ID DE98ZZZ09999999999",
                "Danke für Ihren Einkauf",
                "",
                f"Erstattung Überzahlung {rng.randint(1, 12):02d}/2023",
            ]
        )
        iban = "DE%02d %04d %04d %04d %04d %02d" % (
            rng.randint(10, 99),
            rng.randint(1000, 9999),
            rng.randint(0, 9999),
            rng.randint(0, 9999),
            rng.randint(0, 9999),
            rng.randint(0, 99),
        )
        rows.append(
            [d(day), d(day + dt.timedelta(days=rng.choice([0, 0, 1]))), txt, payee, purpose, iban, amt, bal, "EUR"]
        )
    return cols, rows


def t_fr_communes(rng):
    cols = [
        {"name": "code_commune_INSEE", "type": "id"},
        {"name": "nom_commune", "type": "text"},
        {"name": "code_postal", "type": "id"},
        {"name": "code_departement", "type": "id"},
        {"name": "nom_departement", "type": "cat"},
        {"name": "population", "type": "int"},
        {"name": "superficie_km2", "type": "dec", "places": 2, "decimal": ","},
        {"name": "densite", "type": "dec", "places": 1, "decimal": ","},
        {"name": "altitude_moyenne", "type": "int"},
        {"name": "chef_lieu", "type": "bool", "bool_words": ["oui", "non"]},
        {"name": "date_maj", "type": "date", "fmt": "%d/%m/%Y"},
    ]
    rows = []
    for _i in range(180):
        code, dep = rng.choice(FR_DEPTS)
        name = rng.choice(FR_COMMUNES) + ("" if rng.random() < 0.6 else f" ({rng.randint(2, 9)})")
        pop = rng.choice([rng.randint(40, 900), rng.randint(900, 40_000), rng.randint(40_000, 520_000)])
        area = rng.uniform(0.8, 180)
        insee = (code + f"{rng.randint(1, 999):03d}")[:5]
        cp = (code + f"{rng.randint(0, 999):03d}")[:5] if code[0].isdigit() else "20" + f"{rng.randint(0, 999):03d}"
        rows.append(
            [
                insee,
                name,
                cp,
                code,
                dep,
                pop,
                round(area, 2),
                round(pop / area, 1),
                rng.randint(2, 1400),
                rng.random() < 0.1,
                d(dt.date(2024, rng.randint(1, 6), rng.randint(1, 28))),
            ]
        )
    return cols, rows


def t_us_orders(rng):
    cols = [
        {"name": "Row ID", "type": "int"},
        {"name": "Order ID", "type": "id"},
        {"name": "Order Date", "type": "date", "fmt": "%-m/%-d/%Y"},
        {"name": "Ship Date", "type": "date", "fmt": "%-m/%-d/%Y"},
        {"name": "Ship Mode", "type": "cat"},
        {"name": "Customer Name", "type": "text"},
        {"name": "Segment", "type": "cat"},
        {"name": "City", "type": "cat"},
        {"name": "State", "type": "cat"},
        {"name": "Postal Code", "type": "id"},
        {"name": "Region", "type": "cat"},
        {"name": "Product Name", "type": "text"},
        {"name": "Sales", "type": "money", "cur": "$", "places": 2, "group": True, "sum": True},
        {"name": "Quantity", "type": "int", "sum": True},
        {"name": "Discount", "type": "pct", "places": 0},
        {"name": "Profit", "type": "money", "cur": "$", "places": 2, "group": True, "sum": True},
    ]
    rows = []
    for i in range(260):
        od = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randint(0, 364))
        city, state, zipc, region = rng.choice(US_PLACES)
        sales = round(rng.choice([rng.uniform(2, 90), rng.uniform(90, 2500), rng.uniform(2500, 22000)]), 2)
        disc = rng.choice([0, 0, 0, 10, 15, 20, 40, 70])
        profit = round(sales * rng.uniform(-0.6, 0.45), 2)
        rows.append(
            [
                i + 1,
                f"{rng.choice(['CA', 'US'])}-2023-{rng.randint(100000, 999999)}",
                d(od),
                d(od + dt.timedelta(days=rng.randint(0, 7))),
                rng.choice(["Second Class", "Standard Class", "First Class", "Same Day"]),
                rng.choice(US_NAMES),
                rng.choice(["Consumer", "Corporate", "Home Office"]),
                city,
                state,
                zipc,
                region,
                rng.choice(US_PRODUCTS),
                sales,
                rng.randint(1, 14),
                disc,
                profit,
            ]
        )
    return cols, rows


def t_server_log(rng):
    cols = [
        {"name": "timestamp", "type": "datetime", "fmt": "%Y-%m-%dT%H:%M:%S.%fZ", "relocalize": False},
        {"name": "level", "type": "cat"},
        {"name": "service", "type": "cat"},
        {"name": "host", "type": "text"},
        {"name": "client_ip", "type": "text"},
        {"name": "method", "type": "cat"},
        {"name": "path", "type": "text"},
        {"name": "status", "type": "int"},
        {"name": "latency_ms", "type": "dec", "places": 1},
        {"name": "bytes", "type": "int"},
        {"name": "user_agent", "type": "text"},
        {"name": "message", "type": "text"},
    ]
    rows = []
    t = dt.datetime(2024, 5, 17, 8, 0, 0)
    for _i in range(380):
        t += dt.timedelta(milliseconds=rng.randint(5, 9000))
        status = rng.choice([200] * 12 + [201, 204, 301, 304, 400, 401, 403, 404, 404, 500, 502, 503])
        level = "ERROR" if status >= 500 else "WARN" if status >= 400 else rng.choice(["INFO"] * 6 + ["DEBUG"])
        path = rng.choice(
            [
                "/",
                "/health",
                "/api/v1/orders",
                f"/api/v1/orders/{rng.randint(1, 99999)}",
                f"/search?q=red+shoes&page={rng.randint(1, 9)}&sort=price,asc",
                "/static/app.js",
                "/login?next=%2Faccount",
            ]
        )
        rows.append(
            [
                t.isoformat(timespec="milliseconds"),
                level,
                rng.choice(["api", "auth", "web", "worker"]),
                f"ip-10-0-{rng.randint(0, 9)}-{rng.randint(1, 254)}.ec2.internal",
                f"{rng.randint(1, 223)}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}",
                rng.choice(["GET"] * 5 + ["POST", "PUT", "DELETE"]),
                path,
                status,
                round(rng.lognormvariate(3.5, 1.0), 1),
                rng.randint(0, 250_000),
                rng.choice(UA),
                rng.choice(LOG_MSGS),
            ]
        )
    return cols, rows


def t_lab_plate(rng):
    cols = [
        {"name": "Well", "type": "id"},
        {"name": "Sample", "type": "cat"},
        {"name": "Conc (µg/mL)", "type": "dec", "places": 3},
        {"name": "OD450", "type": "dec", "places": 4},
        {"name": "OD620", "type": "dec", "places": 4},
        {"name": "Corrected", "type": "dec", "places": 4},
        {"name": "Read time", "type": "time", "fmt": "%H:%M:%S"},
        {"name": "Temp (°C)", "type": "dec", "places": 1},
        {"name": "Flag", "type": "cat"},
        {"name": "k (1/s)", "type": "sci", "places": 3},
    ]
    rows = []
    for r in "ABCDEFGH":
        for c in range(1, 13):
            kind = "Blank" if c == 1 else "Std" if c <= 3 else f"S{rng.randint(1, 40):03d}"
            conc = 0 if kind == "Blank" else round(rng.uniform(0.01, 50), 3)
            od = round(rng.uniform(0.04, 3.6), 4)
            od2 = round(rng.uniform(0.03, 0.06), 4)
            flag = "SAT" if od > 3.4 else ("OUT" if rng.random() < 0.05 else "")
            rows.append(
                [
                    f"{r}{c}",
                    kind,
                    conc,
                    od,
                    od2,
                    round(od - od2, 4),
                    f"00:{(c * 7) // 60:02d}:{(c * 7) % 60:02d}",
                    round(rng.uniform(24.6, 25.4), 1),
                    flag,
                    rng.uniform(1e-5, 9e-3),
                ]
            )
    return cols, rows


def t_hr_employees(rng):
    cols = [
        {"name": "emp_id", "type": "id"},
        {"name": "given_name", "type": "text"},
        {"name": "family_name", "type": "text"},
        {"name": "email", "type": "text"},
        {"name": "phone", "type": "text"},
        {"name": "department", "type": "cat"},
        {"name": "title", "type": "text"},
        {"name": "hire_date", "type": "date", "fmt": "%Y-%m-%d"},
        {"name": "birth_date", "type": "date", "fmt": "%Y-%m-%d"},
        {"name": "salary", "type": "int"},
        {"name": "currency", "type": "cat"},
        {"name": "bonus_pct", "type": "pct", "places": 1},
        {"name": "active", "type": "bool", "bool_words": ["yes", "no"]},
        {"name": "full_time", "type": "bool", "bool_words": ["Y", "N"]},
        {"name": "manager_id", "type": "id"},
        {"name": "office", "type": "cat"},
        {"name": "country_code", "type": "cat"},
        {"name": "postal_code", "type": "id"},
        {"name": "address", "type": "text"},
        {"name": "rating", "type": "int"},
        {"name": "last_review", "type": "date", "fmt": "%Y-%m-%d"},
        {"name": "vacation_days", "type": "dec", "places": 1},
        {"name": "sick_days", "type": "int"},
        {"name": "languages", "type": "text"},
        {"name": "skills", "type": "text"},
        {"name": "cost_center", "type": "id"},
        {"name": "team", "type": "cat"},
        {"name": "badge_no", "type": "id"},
        {"name": "shirt_size", "type": "cat"},
        {"name": "emergency_contact", "type": "text"},
        {"name": "notes", "type": "text"},
        {"name": "created_at", "type": "datetime", "fmt": "%Y-%m-%d %H:%M:%S"},
        {"name": "updated_at", "type": "datetime", "fmt": "%Y-%m-%d %H:%M:%S"},
        {"name": "remote", "type": "bool", "bool_words": ["TRUE", "FALSE"]},
        {"name": "probation", "type": "bool", "bool_words": ["true", "false"]},
        {"name": "grade", "type": "cat"},
    ]
    offices = [
        ("Seoul", "KR", "04524", "서울특별시 중구 세종대로 110", "KRW"),
        ("Tokyo", "JP", "100-0005", "東京都千代田区丸の内1-9-1", "JPY"),
        ("Berlin", "DE", "10117", "Unter den Linden 5, 10117 Berlin", "EUR"),
        ("Paris", "FR", "75008", "8 rue de l'Élysée, Paris", "EUR"),
        ("Moscow", "RU", "101000", "ул. Мясницкая, д. 20, Москва", "RUB"),
        ("Boston", "US", "02110", "1 Federal St, Boston, MA", "USD"),
    ]
    rows = []
    for i in range(110):
        off = rng.choice(offices)
        g, f = rng.choice(GIVEN), rng.choice(FAMILY)
        hire = dt.date(2005, 1, 1) + dt.timedelta(days=rng.randint(0, 6900))
        created = dt.datetime(2019, 1, 1) + dt.timedelta(seconds=rng.randint(0, 150_000_000))
        note = rng.choice(
            [
                "",
                "",
                "Relocated 2022",
                "On parental leave until 2024-09-30.\nBackfill: E00017",
                'Prefers "Alex"',
                "Part-time, 80%",
                "Visa renewal pending, see HR ticket #4471",
                "휴직 예정",
                "Язык: русский, английский",
            ]
        )
        rows.append(
            [
                f"E{i + 1:05d}",
                g,
                f,
                f"user{i + 1:03d}@example.com",
                rng.choice(["+82 10-%04d-%04d", "+81 90-%04d-%04d", "+49 30 %04d%04d", "(617) 555-%04d x%04d"])
                % (rng.randint(0, 9999), rng.randint(0, 9999)),
                rng.choice(["Engineering", "Sales", "Finance", "R&D", "Operations", "Legal", "HR"]),
                rng.choice(
                    [
                        "Senior Engineer",
                        "Account Executive, EMEA",
                        "Analyst II",
                        "VP, Sales & Marketing",
                        "Intern",
                        "Lead — Platform",
                    ]
                ),
                d(hire),
                d(dt.date(1960, 1, 1) + dt.timedelta(days=rng.randint(0, 15000))),
                rng.randint(28_000, 240_000),
                off[4],
                round(rng.uniform(0, 25), 1),
                rng.random() < 0.9,
                rng.random() < 0.8,
                maybe(rng, f"E{rng.randint(1, 40):05d}", 0.1),
                off[0],
                off[1],
                off[2],
                off[3],
                rng.randint(1, 5),
                maybe(rng, d(dt.date(2023, rng.randint(1, 12), rng.randint(1, 28))), 0.15),
                round(rng.uniform(0, 30) * 2) / 2,
                rng.randint(0, 14),
                rng.choice(["en", "ko; en", "ja; en", "de; en; fr", "ru"]),
                rng.choice(["python, sql", "excel", "negotiation, crm", "go, k8s, terraform", ""]),
                f"{rng.randint(1, 120):04d}",
                rng.choice(["Core", "Growth", "Infra", "Payments"]),
                f"{rng.randint(1, 2000):06d}",
                rng.choice(["S", "M", "L", "XL"]),
                rng.choice(["", "Jane Doe (+1 617 555 0100)", "김영희, 010-1234-5678"]),
                note,
                created.isoformat(),
                (created + dt.timedelta(seconds=rng.randint(0, 40_000_000))).isoformat(),
                rng.random() < 0.3,
                rng.random() < 0.1,
                rng.choice(["L1", "L2", "L3", "L4", "M1"]),
            ]
        )
    return cols, rows


def t_weather(rng):
    cols = [
        {"name": "STATION", "type": "id"},
        {"name": "NAME", "type": "text"},
        {"name": "LATITUDE", "type": "dec", "places": 5},
        {"name": "LONGITUDE", "type": "dec", "places": 5},
        {"name": "ELEVATION", "type": "dec", "places": 1},
        {"name": "DATE", "type": "date", "fmt": "%Y-%m-%d"},
        {"name": "PRCP", "type": "dec", "places": 2, "sum": True},
        {"name": "SNOW", "type": "dec", "places": 1, "sum": True},
        {"name": "SNWD", "type": "dec", "places": 1},
        {"name": "TMAX", "type": "int"},
        {"name": "TMIN", "type": "int"},
        {"name": "AWND", "type": "dec", "places": 2},
        {"name": "WDF2", "type": "int"},
        {"name": "WSF2", "type": "dec", "places": 1},
    ]
    stations = [
        ("USW00094728", "NY CITY CENTRAL PARK, NY US", 40.77898, -73.96925, 42.7),
        ("USW00023174", "LOS ANGELES INTERNATIONAL AIRPORT, CA US", 33.93816, -118.3866, 29.6),
        ("USW00014739", "BOSTON, MA US", 42.36057, -71.00975, 3.7),
        ("USW00026451", "ANCHORAGE TED STEVENS INTERNATIONAL AIRPORT, AK US", 61.1689, -150.0278, 36.6),
    ]
    rows = []
    for st in stations:
        for k in range(90):
            day = dt.date(2024, 1, 1) + dt.timedelta(days=k)
            tmax = rng.randint(-15, 30)
            rows.append(
                [
                    st[0],
                    st[1],
                    st[2],
                    st[3],
                    st[4],
                    d(day),
                    maybe(rng, round(max(0, rng.gauss(0, 8)) / 10, 2), 0.05),
                    maybe(rng, round(max(0, rng.gauss(-2, 3)), 1), 0.3),
                    maybe(rng, round(max(0, rng.gauss(-2, 5)), 1), 0.3),
                    tmax,
                    tmax - rng.randint(2, 15),
                    maybe(rng, round(rng.uniform(0.5, 9), 2), 0.05),
                    rng.randrange(10, 370, 10),
                    round(rng.uniform(3, 25), 1),
                ]
            )
    return cols, rows


def t_survey(rng):
    cols = [
        {"name": "Timestamp", "type": "datetime", "fmt": "%d/%m/%Y %H:%M:%S"},
        {"name": "Respondent", "type": "int"},
        {"name": "Language", "type": "cat"},
        {"name": "Country", "type": "cat"},
        {"name": "Age group", "type": "cat"},
        {"name": "How satisfied are you with the delivery?", "type": "cat"},
        {"name": "How easy was it to order?", "type": "cat"},
        {"name": "Would you recommend us?", "type": "cat"},
        {"name": "NPS (0-10)", "type": "int"},
        {"name": "Comments", "type": "text"},
    ]
    yes = {
        "en": ("Yes", "No"),
        "fr": ("Oui", "Non"),
        "ru": ("Да", "Нет"),
        "ko": ("예", "아니오"),
        "ja": ("はい", "いいえ"),
        "zh": ("是", "否"),
        "de": ("Ja", "Nein"),
    }
    country = {
        "en": "United Kingdom",
        "fr": "France",
        "ru": "Россия",
        "ko": "대한민국",
        "ja": "日本",
        "zh": "中国",
        "de": "Deutschland",
    }
    likert = ["Very satisfied", "Satisfied", "Neutral", "Dissatisfied", "Very dissatisfied"]
    rows = []
    t = dt.datetime(2024, 2, 1, 9, 0, 0)
    for i in range(150):
        t += dt.timedelta(seconds=rng.randint(30, 20000))
        lang = rng.choice(list(yes))
        rows.append(
            [
                t.isoformat(),
                1000 + i,
                lang,
                country[lang],
                rng.choice(["18-24", "25-34", "35-44", "45-54", "55+"]),
                rng.choice(likert),
                rng.choice(likert[:4]),
                yes[lang][rng.random() < 0.25],
                rng.randint(0, 10),
                rng.choice(SURVEY_COMMENTS),
            ]
        )
    return cols, rows


def t_products(rng):
    cols = [
        {"name": "SKU", "type": "id"},
        {"name": "Product name", "type": "text"},
        {"name": "Category", "type": "text"},
        {"name": "Brand", "type": "cat"},
        {"name": "Price", "type": "money", "cur": "€", "places": 2, "group": True},
        {"name": "Weight (kg)", "type": "dec", "places": 2},
        {"name": "Dimensions", "type": "text"},
        {"name": "In stock", "type": "bool", "bool_words": ["TRUE", "FALSE"]},
        {"name": "Stock qty", "type": "int", "sum": True},
        {"name": "Rating", "type": "dec", "places": 1},
        {"name": "Tags", "type": "text"},
        {"name": "Description", "type": "text"},
        {"name": "Launch date", "type": "date", "fmt": "%d-%b-%Y"},
        {"name": "EAN", "type": "id"},
    ]
    names = [
        "Chef's knife 8\"",
        "Cast-iron pan, 28 cm",
        "Espresso cups (set of 6)",
        "Bamboo cutting board",
        'Frying pan 11" non-stick',
        "Kettle 1.7 L, brushed steel",
        "Tea towel – linen, grey",
        "Salt & pepper mill",
        "Mixing bowls, 3-piece",
        "Thermometer -50…300 °C",
    ]
    rows = []
    for _i in range(180):
        nm = rng.choice(names)
        rows.append(
            [
                f"{rng.randint(1, 999999):06d}-{rng.choice('ABCX')}",
                nm,
                rng.choice(["Home > Kitchen > Knives", "Home > Kitchen > Cookware", "Home > Dining", "Garden > BBQ"]),
                rng.choice(["Zwilling", "Le Creuset", "IKEA", "Fiskars", "WMF"]),
                round(rng.choice([rng.uniform(3, 90), rng.uniform(90, 1900)]), 2),
                round(rng.uniform(0.05, 6), 2),
                f"{rng.randint(5, 60)} x {rng.randint(5, 40)} x {rng.randint(1, 20)} cm",
                rng.random() < 0.8,
                rng.randint(0, 5000),
                maybe(rng, round(rng.uniform(1, 5), 1), 0.1),
                ";".join(rng.sample(["kitchen", "steel", "gift", "sale", "new", "eco"], rng.randint(1, 3))),
                rng.choice(
                    [
                        "<b>Bestseller</b> – dishwasher safe",
                        'Blade: 20 cm, "full tang"',
                        "",
                        "Made in Germany.\nHand wash only.",
                        "Includes 2 spare parts, 1 manual",
                    ]
                ),
                d(dt.date(2015, 1, 1) + dt.timedelta(days=rng.randint(0, 3300))),
                f"400{rng.randint(0, 10**10 - 1):010d}",
            ]
        )
    return cols, rows


def t_transit(rng):
    cols = [
        {"name": "service_date", "type": "date", "fmt": "%Y-%m-%d"},
        {"name": "route_id", "type": "cat"},
        {"name": "direction_id", "type": "int"},
        {"name": "stop_id", "type": "id"},
        {"name": "trip_id", "type": "text"},
        {"name": "boardings", "type": "int", "sum": True},
        {"name": "alightings", "type": "int"},
        {"name": "load_factor", "type": "dec", "places": 2},
    ]
    rows = []
    routes = ["1", "15", "22", "39", "66", "SL1", "SL5", "CT2", "501", "7X"]
    for i in range(20000):
        day = dt.date(2024, 4, 1) + dt.timedelta(days=i // 1500)
        r = rng.choice(routes)
        rows.append(
            [
                d(day),
                r,
                rng.randint(0, 1),
                f"{rng.randint(1, 25000):05d}",
                f"{r}-{day:%m%d}-{rng.randint(1, 400):03d}",
                rng.randint(0, 60),
                rng.randint(0, 60),
                round(rng.uniform(0, 1.3), 2),
            ]
        )
    return cols, rows


def t_kv(rng):
    cols = [
        {"name": "Kennzahl", "type": "text"},
        {"name": "Wert", "type": "dec", "places": 2, "decimal": ",", "group": True, "group_char": "."},
    ]
    keys = [
        "Umsatz (Mio. EUR)",
        "EBIT (Mio. EUR)",
        "EBIT-Marge (%)",
        "Mitarbeiter (FTE)",
        "Eigenkapitalquote (%)",
        "Investitionen (Mio. EUR)",
        "Free Cashflow (Mio. EUR)",
        "Dividende je Aktie (EUR)",
        "Ergebnis je Aktie (EUR)",
        "Nettoverschuldung (Mio. EUR)",
        "Auftragseingang (Mio. EUR)",
        "F&E-Quote (%)",
        "Exportanteil (%)",
        "Standorte",
        "Kunden (Tsd.)",
        "CO₂-Emissionen (t)",
    ]
    rows = [[k, round(rng.uniform(-50, 250_000) if "Mio" in k or "(t)" in k else rng.uniform(0, 100), 2)] for k in keys]
    return cols, rows


def t_single(rng):
    cols = [{"name": "participant", "type": "text"}]
    rows = [[f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"] for _ in range(60)]
    return cols, rows


def t_kr_addresses(rng):
    cols = [{"name": "도로명주소", "type": "text"}]
    roads = ["세종대로", "테헤란로", "올림픽로", "한강대로", "강남대로", "을지로", "퇴계로", "동일로"]
    rows = []
    for _ in range(80):
        a = f"서울특별시 {rng.choice(KO_GU)} {rng.choice(roads)} {rng.randint(1, 600)}"
        if rng.random() < 0.4:
            a += f", {rng.randint(1, 25)}층"
        if rng.random() < 0.2:
            a += f" ({rng.choice(['신사동', '역삼동', '명동', '잠실동'])})"
        rows.append([a])
    return cols, rows


def t_wide(rng):
    n = 1200
    cols = [{"name": "timestamp", "type": "datetime", "fmt": "%Y-%m-%d %H:%M:%S"}] + [
        {"name": f"S{k:04d}", "type": "dec", "places": 2} for k in range(1, n + 1)
    ]
    rows = []
    t = dt.datetime(2024, 6, 1, 0, 0, 0)
    base = [rng.uniform(-20, 120) for _ in range(n)]
    for i in range(30):
        rows.append([(t + dt.timedelta(minutes=10 * i)).isoformat()] + [round(b + rng.gauss(0, 2), 2) for b in base])
    return cols, rows


def t_jp_sales(rng):
    cols = [
        {"name": "伝票番号", "type": "id"},
        {"name": "日付", "type": "date", "fmt": "%Y/%m/%d"},
        {"name": "得意先名", "type": "text"},
        {"name": "品名", "type": "text"},
        {"name": "数量", "type": "int"},
        {"name": "単価", "type": "money", "cur": "￥", "places": 0, "group": True},
        {"name": "金額", "type": "money", "cur": "￥", "places": 0, "group": True, "sum": True},
        {"name": "税区分", "type": "cat"},
        {"name": "備考", "type": "text"},
    ]
    cust = [
        "株式会社山田商事",
        "有限会社スズキ",
        "合同会社ミライ",
        "東京物産株式会社",
        "ｶﾌﾞｼｷｶﾞｲｼｬ ﾀﾅｶ",
        "大阪精機（株）",
    ]
    items = [
        "コピー用紙 A4 500枚",
        "ボールペン（黒）10本入",
        "USBメモリ 32GB",
        "クリアファイル, 20枚",
        "トナーカートリッジ「純正」",
    ]
    rows = []
    for i in range(100):
        q = rng.randint(1, 50)
        price = rng.choice([120, 380, 980, 1280, 5400, 12800])
        rows.append(
            [
                f"{i + 1:06d}",
                d(dt.date(2024, 4, 1) + dt.timedelta(days=rng.randint(0, 60))),
                rng.choice(cust),
                rng.choice(items),
                q,
                price,
                q * price,
                rng.choice(["10%", "8%（軽減）", "非課税"]),
                rng.choice(["", "", "至急", "分納あり、残り後日", "請求書\n別送"]),
            ]
        )
    return cols, rows


TABLES = {
    "kr_air_quality": (t_kr_air, "Seoul hourly air quality (Seoul open data portal style)", "ko"),
    "jp_population": (t_jp_population, "Population by prefecture (e-Stat style)", "ja"),
    "cn_retail": (t_cn_retail, "Retail sales by city (NBS style)", "zh"),
    "ru_budget": (t_ru_budget, "Regional budget execution report (1C / Roskazna style)", "ru"),
    "de_bank": (t_de_bank, "German bank account statement export", "de"),
    "fr_communes": (t_fr_communes, "French communes (INSEE / data.gouv.fr style)", "fr"),
    "us_orders": (t_us_orders, "US sales orders Excel sheet", "en"),
    "server_log": (t_server_log, "Web server log export", "en"),
    "lab_plate": (t_lab_plate, "96-well plate reader export", "en"),
    "hr_employees": (t_hr_employees, "HR system export, 36 columns, multilingual names", "mixed"),
    "weather": (t_weather, "Daily weather summaries (NOAA GHCN style)", "en"),
    "survey": (t_survey, "Multilingual survey responses (Google Forms style)", "mixed"),
    "products": (t_products, "Product catalogue export", "en"),
    "transit": (t_transit, "Transit ridership by stop, 20,000 rows", "en"),
    "kv_kennzahlen": (t_kv, "Two-column key figures sheet", "de"),
    "single_column": (t_single, "Single column participant list", "mixed"),
    "kr_addresses": (t_kr_addresses, "Single column of Korean road addresses (commas inside)", "ko"),
    "wide_sensors": (t_wide, "1,201-column sensor matrix", "en"),
    "jp_sales": (t_jp_sales, "Japanese sales ledger", "ja"),
}


def build(out: Path, seed: int) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for _i, (name, (fn, desc, lang)) in enumerate(TABLES.items()):
        rng = random.Random(f"{seed}:{name}")
        cols, values = fn(rng)
        table = {"name": name, "description": desc, "language": lang, "columns": cols, "values": values}
        table["header"] = [c["name"] for c in cols]
        table["rows"] = rendered_rows(table)
        (out / f"{name}.json").write_text(json.dumps(table, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="tables")
    ap.add_argument("--seed", type=int, default=20240611)
    a = ap.parse_args()
    build(Path(a.out), a.seed)

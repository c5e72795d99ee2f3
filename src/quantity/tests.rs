//! The recognizer, as tables: (input, quantities found, why). Each
//! quantity is shown as `text kind value unit` (`-` for none, `low..high`
//! for a range), `|` between them; an empty expectation means the text
//! holds none.

use super::*;

/// Checks a table of (input, repaired text, why), the final newline of
/// the output aside.
pub(crate) fn check_repairs(tidy: &crate::Tidy, cases: &[(&str, &str, &str)]) {
    for (input, expected, why) in cases {
        let got = tidy.repair(input).into_text();
        assert_eq!(got.trim_end(), *expected, "{input}: {why}");
    }
}

fn show(text: &str) -> String {
    find(text)
        .iter()
        .map(|q| {
            let value = match &q.value {
                Value::None => "-".to_owned(),
                Value::Exact(d) => d.to_string(),
                Value::Range { low, high } => format!("{low}..{high}"),
                Value::Text(t) => t.clone(),
            };
            let unit = q.unit.as_deref().unwrap_or("-");
            format!("{} {} {value} {unit}", &text[q.range.clone()], q.kind)
        })
        .collect::<Vec<_>>()
        .join(" | ")
}

/// Quantities that must be found, whole and rightly read.
const FOUND: &[(&str, &str, &str)] = &[
    ("28nm工艺", "28nm measure 28 nm", "an SI unit with a prefix"),
    ("300mm硅片", "300mm measure 300 mm", "a unit before Han"),
    ("750℃", "750℃ measure 750 ℃", "degrees Celsius as one sign"),
    ("25°C", "25°C measure 25 °C", "degrees Celsius as two signs"),
    (
        "20—14nm之间",
        "20—14nm range 20..14 nm",
        "a node range runs downwards",
    ),
    (
        "15万片/月",
        "15万片/月 measure 150000 片/月",
        "magnitude applied, compound counter",
    ),
    (
        "100亿元",
        "100亿元 money 10000000000 元",
        "亿 and a currency",
    ),
    ("7亿元", "7亿元 money 700000000 元", "money"),
    (
        "20亿美元",
        "20亿美元 money 2000000000 美元",
        "another currency",
    ),
    (
        "1286.4亿元",
        "1286.4亿元 money 128640000000 元",
        "a decimal times 亿, exactly",
    ),
    ("11%", "11% percent 11 %", "percent"),
    ("0.85‰", "0.85‰ percent 0.85 ‰", "per mille"),
    ("1,700K", "1,700K measure 1700 K", "a thousands separator"),
    ("-3.5℃", "-3.5℃ measure -3.5 ℃", "a sign at the start"),
    ("气温-3.5℃", "-3.5℃ measure -3.5 ℃", "a sign after Han"),
    ("+5%", "+5% percent 5 %", "a plus sign"),
    (
        "3×10⁸",
        "3×10⁸ number 300000000 -",
        "scientific notation with a superscript",
    ),
    ("1e-3", "1e-3 number 0.001 -", "E notation"),
    (
        "1.5E8次",
        "1.5E8次 measure 150000000 次",
        "E notation with a counter",
    ),
    ("5万亿", "5万亿 number 5000000000000 -", "万亿"),
    ("3千万元", "3千万元 money 30000000 元", "千万"),
    (
        "一九九八年",
        "一九九八年 date 1998 -",
        "a year in Chinese numerals, digit by digit",
    ),
    ("二〇二三年", "二〇二三年 date 2023 -", "〇 in a year"),
    (
        "三十一日下午",
        "三十一日 date ---31 -",
        "a day in positional numerals",
    ),
    (
        "三月五日",
        "三月五日 date --03-05 -",
        "month and day in Chinese numerals",
    ),
    (
        "其中四十分之一",
        "四十分之一 number 0.025 -",
        "a fraction, exactly",
    ),
    (
        "三分之一",
        "三分之一 number 1/3 -",
        "a fraction with no finite decimal",
    ),
    (
        "占百分之五十以上",
        "百分之五十 percent 50 %",
        "a percentage in words",
    ),
    (
        "增长了五倍",
        "五倍 measure 5 倍",
        "a Chinese numeral with a unit",
    ),
    (
        "五年",
        "五年 measure 5 年",
        "a duration in Chinese numerals",
    ),
    (
        "两万三千人",
        "两万三千人 measure 23000 人",
        "两 and two multipliers",
    ),
    (
        "三万人",
        "三万人 measure 30000 人",
        "万 inside Chinese numerals",
    ),
    (
        "一百零五例",
        "一百零五例 measure 105 例",
        "零 inside Chinese numerals",
    ),
    (
        "2019年11月23日",
        "2019年11月23日 date 2019-11-23 -",
        "a full date",
    ),
    ("12月", "12月 date --12 -", "a month"),
    ("12月31日", "12月31日 date --12-31 -", "a month and day"),
    (
        "2019-11-23",
        "2019-11-23 date 2019-11-23 -",
        "an ISO date, not a range",
    ),
    ("8:30", "8:30 time 08:30 -", "a time"),
    (
        "14:05:30",
        "14:05:30 time 14:05:30 -",
        "a time with seconds",
    ),
    (
        "会议于8:30开始，14:05结束",
        "8:30 time 08:30 - | 14:05 time 14:05 -",
        "times in a sentence",
    ),
    ("3~5年", "3~5年 range 3..5 年", "a range with ~"),
    (
        "2019—2023年",
        "2019—2023年 range 2019..2023 年",
        "a range of years",
    ),
    (
        "10%～15%",
        "10%～15% range 10..15 %",
        "a range of percentages",
    ),
    (
        "4.75%～5.00%",
        "4.75%～5.00% range 4.75..5.00 %",
        "a range keeps the written precision",
    ),
    (
        "2000万元至4亿元",
        "2000万元至4亿元 range 20000000..400000000 元",
        "至, each side with its magnitude",
    ),
    ("3到5天", "3到5天 range 3..5 天", "到"),
    (
        "40V～120V",
        "40V～120V range 40..120 V",
        "a unit on both sides",
    ),
    ("3-5年", "3-5年 range 3..5 年", "a hyphen with a unit after"),
    (
        "3–5 mm",
        "3–5 mm range 3..5 mm",
        "an en dash, and a unit after a space",
    ),
    (
        "温度为-40℃～85℃",
        "-40℃～85℃ range -40..85 ℃",
        "a range from below zero",
    ),
    (
        "3~5万吨",
        "3~5万吨 range 30000..50000 吨",
        "the magnitude of the high end applies to both",
    ),
    (
        "2023—2025",
        "2023—2025 range 2023..2025 -",
        "a rising range without a unit",
    ),
    (
        "约有10%～15%的患者",
        "10%～15% range 10..15 %",
        "a range in a sentence",
    ),
    ("12km/h", "12km/h measure 12 km/h", "a Latin compound unit"),
    ("5mg/L", "5mg/L measure 5 mg/L", "mass per volume"),
    (
        "0.5W/(m·K)",
        "0.5W/(m·K) measure 0.5 W/(m·K)",
        "a parenthesised denominator",
    ),
    (
        "热导率达到1.86 W/(m·K)",
        "1.86 W/(m·K) measure 1.86 W/(m·K)",
        "a compound unit after a space",
    ),
    ("120m²", "120m² measure 120 m²", "a superscript exponent"),
    ("30m3", "30m3 measure 30 m3", "an exponent in plain digits"),
    (
        "热流密度超过100 W/cm²",
        "100 W/cm² measure 100 W/cm²",
        "an exponent in a denominator",
    ),
    ("5μm", "5μm measure 5 μm", "Greek mu"),
    ("5µm", "5µm measure 5 µm", "the micro sign"),
    ("3mm", "3mm measure 3 mm", "milli metre, not metre metre"),
    ("10kg", "10kg measure 10 kg", "kilogram"),
    ("200MW", "200MW measure 200 MW", "megawatt"),
    ("1.2kWh", "1.2kWh measure 1.2 kWh", "kilowatt hour"),
    ("3.5GHz", "3.5GHz measure 3.5 GHz", "gigahertz"),
    ("20MPa", "20MPa measure 20 MPa", "megapascal"),
    ("60dB", "60dB measure 60 dB", "decibel"),
    ("1.12eV", "1.12eV measure 1.12 eV", "electronvolt"),
    (
        "1200 mm",
        "1200 mm measure 1200 mm",
        "an author's space before a unit",
    ),
    ("12 ns", "12 ns measure 12 ns", "nanoseconds after a space"),
    ("3片/月", "3片/月 measure 3 片/月", "a counter per month"),
    ("12英寸晶圆", "12英寸 measure 12 英寸", "inches"),
    ("213家", "213家 measure 213 家", "a counter for firms"),
    ("5架", "5架 measure 5 架", "a counter for aircraft"),
    ("3条", "3条 measure 3 条", "a counter for lines"),
    ("2座", "2座 measure 2 座", "a counter for buildings"),
    ("4口", "4口 measure 4 口", "a counter for wells"),
    ("5颗", "5颗 measure 5 颗", "a counter for satellites"),
    ("3人次", "3人次 measure 3 人次", "person-times, not persons"),
    (
        "车站日均客流3.2万人次",
        "3.2万人次 measure 32000 人次",
        "magnitude and a two-character counter",
    ),
    ("25吨", "25吨 measure 25 吨", "tonnes"),
    (
        "1200平方米",
        "1200平方米 measure 1200 平方米",
        "square metres in Chinese",
    ),
    ("24小时", "24小时 measure 24 小时", "hours"),
    ("3倍", "3倍 measure 3 倍", "a multiple"),
    ("13个月", "13个月 measure 13 个月", "months as a duration"),
    ("62万片", "62万片 measure 620000 片", "万 and a counter"),
    (
        "5个百分点",
        "5个百分点 measure 5 个百分点",
        "percentage points are not percent",
    ),
    (
        "在125℃下超过10年",
        "125℃ measure 125 ℃ | 10年 measure 10 年",
        "ten years is a duration, not a date",
    ),
    (
        "全年实现产业规模1286.4亿元，同比增长12.7%",
        "1286.4亿元 money 128640000000 元 | 12.7% percent 12.7 %",
        "figures in a sentence",
    ),
    (
        "截至2023年12月31日，已建成12英寸晶圆生产线5条",
        "2023年12月31日 date 2023-12-31 - | 12英寸 measure 12 英寸 | 5条 measure 5 条",
        "a date and counters",
    ),
    (
        "规划产能15万片/月，总投资约100亿元",
        "15万片/月 measure 150000 片/月 | 100亿元 money 10000000000 元",
        "capacity and money",
    ),
    (
        "BCD工艺已覆盖0.18μm至90nm多个节点",
        "0.18μm measure 0.18 μm | 90nm measure 90 nm",
        "different units on both sides of 至 are two quantities",
    ),
    (
        "β-Ga2O3单晶片位错密度约1.1万个/平方厘米",
        "Ga2O3 identifier - - | 1.1万个/平方厘米 measure 11000 个/平方厘米",
        "a formula and a density",
    ),
    ("C919", "C919 identifier - -", "an aircraft type"),
    ("ARJ21", "ARJ21 identifier - -", "an aircraft type"),
    (
        "ARJ21-700",
        "ARJ21-700 identifier - -",
        "a code with a hyphen",
    ),
    (
        "C919和ARJ21累计交付",
        "C919 identifier - - | ARJ21 identifier - -",
        "codes in a sentence",
    ),
    (
        "5G基站",
        "5G identifier - -",
        "5G is a code, G alone no unit",
    ),
    ("Ga2O3", "Ga2O3 identifier - -", "a formula"),
    ("Ga₂O₃", "Ga₂O₃ identifier - -", "a formula with subscripts"),
    ("SiC", "SiC identifier - -", "a formula without digits"),
    ("GaN", "GaN identifier - -", "a formula without digits"),
    (
        "LiFePO4",
        "LiFePO4 identifier - -",
        "a formula of four elements",
    ),
    ("PM2.5", "PM2.5 identifier - -", "a pollutant's name"),
    ("PD-1抑制剂", "PD-1 identifier - -", "a protein's name"),
    ("v2版本", "v2 identifier - -", "a version code"),
    ("3.4.2节", "3.4.2 identifier - -", "a section number"),
    (
        "InxGa1-xSb（x=0.11）",
        "InxGa1-xSb identifier - - | 0.11 number 0.11 -",
        "an alloy formula and its composition",
    ),
    (
        "联系电话：0797-88234567",
        "0797-88234567 identifier - -",
        "a telephone number",
    ),
    (
        "+00",
        "+00 identifier - -",
        "a signed code (once found with no length, forever)",
    ),
    (
        "温度−007，",
        "−007 identifier - -",
        "a code after a minus sign",
    ),
    ("5 samples were", "5 number 5 -", "no unit s inside a word"),
    (
        "in 2019 A new",
        "2019 number 2019 -",
        "a lone capital after a space is a word",
    ),
    ("version 2.0", "2.0 number 2.0 -", "a plain decimal"),
    ("3年以来", "3年 measure 3 年", "a year count is no date"),
    ("13月", "13月 measure 13 月", "no thirteenth month"),
    ("32日", "32日 measure 32 日", "no thirty-second day"),
    ("999年", "999年 measure 999 年", "a year needs four digits"),
    (
        "比例为1:4",
        "1 number 1 - | 4 number 4 -",
        "a ratio is no time",
    ),
    ("25:70", "25 number 25 - | 70 number 70 -", "no such time"),
    (
        "20-30",
        "20 number 20 - | 30 number 30 -",
        "a hyphen without a unit is no range",
    ),
    (
        "2025—2023",
        "2025 number 2025 - | 2023 number 2023 -",
        "a falling range needs a unit",
    ),
    (
        "依据GB 3838—2002标准",
        "3838 number 3838 - | 2002 number 2002 -",
        "a standard and its year are no range",
    ),
    ("Fig. 3", "3 number 3 -", "a figure number"),
];

/// Text that holds no quantity though it looks like it might.
const NONE: &[(&str, &str)] = &[
    ("一些企业", "一 is a word here"),
    ("统一标准", "统一 is a word"),
    ("十分重要", "十分 means very"),
    ("一般来说", "一般 is a word"),
    ("万一发生", "万一 means in case"),
    ("千万不要", "千万 means by all means"),
    ("第三章 方法", "an ordinal"),
    ("第一季度", "an ordinal before a unit"),
    ("一个方案", "一个 is an article"),
    ("一点点", "一点 is a little"),
    ("一度认为", "一度 is once"),
    ("一种方法", "一种 is a kind of"),
    ("三角形", "角 is not a unit here"),
    ("百度搜索", "a company name"),
    ("十堰市", "a city name"),
    ("二十四节气", "节 is not a counter here"),
    ("一带一路", "a slogan"),
    ("Beliefs and values", "no unit inside an English word"),
    ("heat transfer coefficient", "English words"),
    ("CPU和IP核", "acronyms in capitals are no formulas"),
    ("IGBT模块", "an acronym"),
    ("EDA工具", "an acronym"),
    ("HEMT器件", "an acronym"),
    ("MOSFET芯片", "an acronym in mixed case that is no formula"),
    ("FinFET工艺", "mixed case that is no formula"),
    ("nm级", "a unit without a figure"),
    ("万元以上", "a magnitude without a figure"),
    ("亿元", "a currency without a figure"),
    ("年度报告", "年 without a figure"),
    ("ABC", "capitals"),
    ("A和B", "letters"),
    ("Snap-back", "a hyphenated word"),
    ("", "nothing"),
    ("OK", "capitals"),
    (
        "USB接口",
        "capitals that are element symbols are no formula",
    ),
    ("Co., Ltd.", "one element symbol is a word"),
    ("NoSQL", "mixed case that is no formula"),
    ("iPhone", "a product name"),
    ("WiFi", "a product name"),
    ("YouTube", "a product name"),
    ("min", "a unit alone"),
    ("kg", "a unit alone"),
    ("℃", "a symbol alone"),
    ("%", "a symbol alone"),
    ("μm", "a unit alone"),
    ("十一五规划", "a plan's name, not a figure"),
    ("七上八下", "an idiom"),
    ("一方面", "方 is no unit"),
    ("百分比", "a word, not a percentage"),
    ("千百年来", "an idiom"),
    ("五颜六色", "an idiom"),
    ("一直", "a word"),
    ("e.g.", "an abbreviation"),
    ("A/B测试", "letters and a slash"),
    ("x轴", "a letter before Han"),
];

#[test]
fn found() {
    for (input, expected, why) in FOUND {
        assert_eq!(show(input), *expected, "{input}: {why}");
    }
}

#[test]
fn none() {
    for (input, why) in NONE {
        assert_eq!(show(input), "", "{input}: {why}");
    }
}

/// Offsets are byte ranges of the text searched, on character boundaries
/// even among multi-byte units.
#[test]
fn ranges() {
    let text = "约1.1万个/平方厘米，β-Ga₂O₃";
    let found = find(text);
    let shown: Vec<&str> = found.iter().map(|q| &text[q.range.clone()]).collect();
    assert_eq!(shown, ["1.1万个/平方厘米", "Ga₂O₃"]);
    assert!(found.iter().all(|q| q.source == q.range));
}

//! Chinese standard code table: the national code `GB` and the two-letter sector
//! (industry) codes, with the MIIT-administered subset (DOMAIN §3.1).
//!
//! The table is data, not logic: add a row to [`SECTORS`] to teach the parser a new
//! sector code. Local standards (`DB11/T …`) are not listed here; they are recognised
//! syntactically (`DB` followed by a two-digit province code).

/// One Chinese standard code (national `GB` or a sector code such as `YD`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SectorCode {
    /// The code as printed, without `/T` or `/Z` (e.g. `"YD"`).
    pub code: &'static str,
    /// Industry name in English.
    pub industry_en: &'static str,
    /// Industry name in Chinese.
    pub industry_zh: &'static str,
    /// Whether the code belongs to the MIIT-administered sector-standard system.
    pub miit: bool,
}

/// The 18 MIIT sector codes (19 industries; gold shares `YS` with non-ferrous metals).
pub const MIIT_CODES: [&str; 18] =
    ["YD", "SJ", "QC", "JB", "HG", "SH", "YB", "YS", "XB", "JC", "FZ", "QB", "BB", "CB", "HB", "QJ", "WJ", "EJ"];

const fn row(code: &'static str, industry_en: &'static str, industry_zh: &'static str, miit: bool) -> SectorCode {
    SectorCode { code, industry_en, industry_zh, miit }
}

/// All known codes: `GB` (national) followed by the sector codes in alphabetical order.
pub static SECTORS: &[SectorCode] = &[
    row("GB", "National standard", "国家标准", false),
    row("AQ", "Work safety", "安全生产", false),
    row("BB", "Packaging", "包装", true),
    row("CB", "Shipbuilding", "船舶", true),
    row("CH", "Surveying and mapping", "测绘", false),
    row("CJ", "Urban construction", "城镇建设", false),
    row("CY", "Press and publishing", "新闻出版", false),
    row("DA", "Archives", "档案", false),
    row("DB", "Seismology", "地震", false),
    row("DL", "Electric power", "电力", false),
    row("DZ", "Geology and mineral resources", "地质矿产", false),
    row("EJ", "Nuclear industry", "核工业", true),
    row("FZ", "Textiles", "纺织", true),
    row("GA", "Public security", "公共安全", false),
    row("GH", "Supply and marketing cooperatives", "供销合作", false),
    row("GM", "Cryptography", "密码", false),
    row("GY", "Radio, film and television", "广播电影电视", false),
    row("HB", "Aviation industry", "航空", true),
    row("HG", "Chemical industry", "化工", true),
    row("HJ", "Environmental protection", "环境保护", false),
    row("HS", "Customs", "海关", false),
    row("HY", "Oceanography", "海洋", false),
    row("JB", "Machinery", "机械", true),
    row("JC", "Building materials", "建材", true),
    row("JG", "Construction industry", "建筑工业", false),
    row("JR", "Finance", "金融", false),
    row("JT", "Transport", "交通", false),
    row("JY", "Education", "教育", false),
    row("LB", "Tourism", "旅游", false),
    row("LD", "Labour and labour safety", "劳动和劳动安全", false),
    row("LS", "Grain", "粮食", false),
    row("LY", "Forestry", "林业", false),
    row("MH", "Civil aviation", "民用航空", false),
    row("MT", "Coal", "煤炭", false),
    row("MZ", "Civil affairs", "民政", false),
    row("NB", "Energy", "能源", false),
    row("NY", "Agriculture", "农业", false),
    row("QB", "Light industry", "轻工", true),
    row("QC", "Automobiles", "汽车", true),
    row("QJ", "Aerospace", "航天", true),
    row("QX", "Meteorology", "气象", false),
    row("SB", "Domestic trade", "国内贸易", false),
    row("SC", "Fisheries", "水产", false),
    row("SH", "Petrochemicals", "石油化工", true),
    row("SJ", "Electronics", "电子", true),
    row("SL", "Water resources", "水利", false),
    row("SN", "Commodity inspection", "商检", false),
    row("SY", "Oil and natural gas", "石油天然气", false),
    row("TB", "Railways", "铁道", false),
    row("TD", "Land management", "土地管理", false),
    row("TJ", "Railway transport", "铁道交通", false),
    row("TY", "Sports", "体育", false),
    row("WB", "Materials management", "物资管理", false),
    row("WH", "Culture", "文化", false),
    row("WJ", "Ordnance civilian products", "兵工民品", true),
    row("WM", "Foreign trade and economic cooperation", "外经贸", false),
    row("WS", "Health", "卫生", false),
    row("WW", "Cultural relics protection", "文物保护", false),
    row("XB", "Rare earths", "稀土", true),
    row("YB", "Ferrous metallurgy", "黑色冶金", true),
    row("YC", "Tobacco", "烟草", false),
    row("YD", "Telecommunications", "通信", true),
    row("YS", "Non-ferrous metals; gold", "有色金属; 黄金", true),
    row("YY", "Pharmaceuticals", "医药", false),
    row("YZ", "Postal services", "邮政", false),
    row("ZY", "Traditional Chinese medicine", "中医药", false),
];

/// Looks a code up (case-insensitive, `/T` or `/Z` suffix tolerated).
pub fn sector(code: &str) -> Option<&'static SectorCode> {
    let c = code.trim();
    let c = c
        .strip_suffix("/T")
        .or_else(|| c.strip_suffix("/t"))
        .or_else(|| c.strip_suffix("/Z"))
        .or_else(|| c.strip_suffix("/z"))
        .unwrap_or(c);
    SECTORS.iter().find(|s| s.code.eq_ignore_ascii_case(c))
}

/// True when `code` (without suffix) is one of the MIIT sector codes.
pub fn is_miit_code(code: &str) -> bool {
    MIIT_CODES.iter().any(|c| c.eq_ignore_ascii_case(code))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn miit_flags_match_list() {
        for s in SECTORS {
            assert_eq!(s.miit, is_miit_code(s.code), "{}", s.code);
        }
        for c in MIIT_CODES {
            assert!(sector(c).is_some(), "{c}");
        }
    }

    #[test]
    fn lookup() {
        assert_eq!(sector("yd/t").map(|s| s.code), Some("YD"));
        assert_eq!(sector("GB").map(|s| s.code), Some("GB"));
        assert!(sector("ZZ").is_none());
        assert!(sector("MH").is_some_and(|s| !s.miit));
    }
}

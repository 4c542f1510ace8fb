#!/usr/bin/env python3
"""Regenerate the non-plain-UTF-8 domestic samples of the stdalign corpus.

Writes (relative to corpora/):
  domestic/gb_catalogue_gb18030.csv  - GB18030-encoded CSV, Chinese headers
  domestic/platform_export.xlsx      - XLSX (first sheet), Chinese headers, Excel date numbers, padded cells
  domestic/broken_rows.csv           - deliberately broken rows (see corpora/README.md)

All rows are hand-written from public knowledge (see corpora/truth.csv notes).
Requires: openpyxl (pip install openpyxl).
"""
import csv
import datetime as dt
import io
import os

HERE = os.path.dirname(os.path.abspath(__file__))
DOM = os.path.join(os.path.dirname(HERE), "domestic")

H = ["标准号", "中文标准名称", "英文标准名称", "国际标准分类号", "中国标准分类号", "发布日期",
     "实施日期", "状态", "代替标准", "采标情况", "采用程度", "主管部门", "归口单位"]
MIIT = "工业和信息化部"
SAC = "国家标准化管理委员会"

GB18030_ROWS = [
    ["GB/T 20438.1-2017", "电气/电子/可编程电子安全相关系统的功能安全 第1部分：一般要求",
     "Functional safety of electrical/electronic/programmable electronic safety-related systems—Part 1: General requirements",
     "25.040.40", "N10", "2017-12-29", "2018-07-01", "现行", "GB/T 20438.1-2006", "IEC 61508-1:2010,IDT", "",
     "中国机械工业联合会", "全国工业过程测量控制和自动化标准化技术委员会"],
    ["GB/T 2423.1-2008", "电工电子产品环境试验 第2部分：试验方法 试验A：低温",
     "Environmental testing for electric and electronic products—Part 2: Test methods—Tests A: Cold",
     "19.040", "K04", "2008-05-20", "2009-01-01", "现行", "GB/T 2423.1-2001", "IEC 60068-2-1:2007, IDT", "",
     "中国电器工业协会", "全国电工电子产品环境条件与环境试验标准化技术委员会"],
    ["GB/T 4208-2017", "外壳防护等级（IP代码）", "Degrees of protection provided by enclosure (IP code)",
     "29.020", "K09", "2017-07-12", "2018-02-01", "现行", "GB 4208-2008", "IEC 60529:2013, IDT", "",
     "中国电器工业协会", "全国外壳防护等级（IP代码）标准化技术委员会"],
    ["GB/T 31722-2015", "信息技术 安全技术 信息安全风险管理",
     "Information technology—Security techniques—Information security risk management",
     "35.040", "L80", "2015-06-02", "2016-02-01", "现行", "", "ISO/IEC 27005:2008", "IDT", SAC, "全国信息安全标准化技术委员会"],
    ["GB 13000-2010", "信息技术 通用多八位编码字符集（UCS）",
     "Information technology—Universal multiple-octet coded character set (UCS)",
     "35.040", "L71", "2011-01-10", "2011-05-01", "现行", "GB 13000.1-1993", "ISO/IEC 10646:2003, IDT", "",
     MIIT, "全国信息技术标准化技术委员会"],
    ["YD 5201-2014", "通信建设工程安全生产操作规范", "", "33.040.01", "M04", "2014-05-06", "2014-07-01", "现行",
     "YD 5201-2005", "", "", MIIT, "工业和信息化部通信工程定额质量监督中心"],
    ["JC/T 2457-2018", "建筑用硅酮结构密封胶 耐候老化试验方法", "", "91.100.50", "Q24", "2018-10-22", "2019-04-01", "现行",
     "", "", "", MIIT, "全国轻质与装饰装修建筑材料标准化技术委员会"],
    ["XB/T 617.6-2014", "钕铁硼合金化学分析方法 第6部分：钴、铝、铜、锆量的测定", "", "77.120.99", "H14",
     "2014-10-14", "2015-04-01", "现行", "", "", "", MIIT, "全国稀土标准化技术委员会"],
    ["EJ/T 20171-2018", "核电厂用电缆 老化评估导则", "", "27.120.20", "F80", "2018-04-30",
     "2018-10-01", "现行", "", "", "", "国家国防科技工业局", "核工业标准化研究所"],
    ["WJ 9096-2016", "工业电子雷管 通用技术条件", "", "71.100.30", "G89", "2016-01-15", "2016-05-01", "现行", "", "", "",
     MIIT, "全国民用爆炸物品标准化技术委员会"],
]

# (row, which cells get special treatment) ; dates given as datetime are stored as Excel date numbers
XLSX_ROWS = [
    ["GB/T 15706-2012", "机械安全 设计通则 风险评估与风险减小",
     "Safety of machinery—General principles for design—Risk assessment and risk reduction",
     "13.110", "J09", dt.date(2012, 11, 5), dt.date(2013, 3, 1), "现行", "GB/T 15706.1-2007;GB/T 15706.2-2007;GB/T 16856.1-2008",
     "ISO 12100:2010, IDT", "", "中国机械工业联合会", "全国机械安全标准化技术委员会"],
    ["GB/T 16855.1-2018", "机械安全 控制系统安全相关部件 第1部分：设计通则",
     "Safety of machinery—Safety-related parts of control systems—Part 1: General principles for design",
     "13.110", "J09", dt.date(2018, 3, 15), dt.date(2018, 10, 1), "现行", "GB/T 16855.1-2008", "ISO 13849-1:2015", "IDT",
     "中国机械工业联合会", "全国机械安全标准化技术委员会"],
    ["GB/T 2828.1-2012", "计数抽样检验程序 第1部分：按接收质量限（AQL）检索的逐批检验抽样计划",
     "Sampling procedures for inspection by attributes—Part 1: Sampling schemes indexed by acceptance quality limit (AQL) for lot-by-lot inspection",
     "03.120.30", "A41", "2012-11-05", "2013-02-15", "现行", "GB/T 2828.1-2003", "ISO 2859-1:1999, IDT", "",
     SAC, "全国统计方法应用标准化技术委员会"],
    ["GB/T 1182-2018", "产品几何技术规范（GPS） 几何公差 形状、方向、位置和跳动公差标注",
     "Geometrical product specifications (GPS)—Geometrical tolerancing—Tolerances of form, orientation, location and run-out",
     "17.040.10", "J04", dt.date(2018, 3, 15), "2018-10-01", "现行", "GB/T 1182-2008", "ISO 1101:2017, IDT", "",
     SAC, "全国产品几何技术规范标准化技术委员会"],
    ["GB/T 131-2006", "产品几何技术规范（GPS） 技术产品文件中表面结构的表示法",
     "Geometrical Product Specifications (GPS)—Indication of surface texture in technical product documentation",
     "01.100.20", "J04", "2006-07-19", "2007-02-01", "现行", "GB/T 131-1993", "ISO 1302:2002, IDT", "",
     SAC, "全国产品几何技术规范标准化技术委员会"],
    ["  GB/T 1804-2000 ", "一般公差 未注公差的线性和角度尺寸的公差",
     " General tolerances—Tolerances for linear and angular dimensions without individual tolerance indications  ",
     "17.040.10", "J04", "2000-07-24", "2000-12-01", "现行", "GB/T 1804-1992", " eqv ISO 2768-1:1989 ", "",
     SAC, "全国产品几何技术规范标准化技术委员会"],
    ["GB/T 193-2003", "普通螺纹 直径与螺距系列", "General purpose metric screw threads—General plan",
     "21.040.10", "J04", "2003-05-26", "2004-01-01", "现行", "GB/T 193-1981", "ISO 261:1998, MOD", "",
     "中国机械工业联合会", "全国螺纹标准化技术委员会"],
    ["JB/T 14290-2022", "旋转电机 定额和性能 补充技术要求", "Rotating electrical machines—Rating and performance—Supplementary requirements",
     "29.160.01", "K20", dt.date(2022, 9, 30), dt.date(2023, 4, 1), "现行", "", "IEC 60034-1:2022, MOD", "",
     MIIT, "全国旋转电机标准化技术委员会"],
    ["QJ 20211-2019", "航天器 电子元器件 降额准则", "", "49.140", "V25", "2019-11-11", "2020-01-01", "现行", "", "", "",
     MIIT, "中国航天标准化研究所"],
    ["CB/T 4498-2018", "船舶 压载水管理系统 安装要求", "Ships—Ballast water management system—Installation requirements",
     "47.020.30", "U64", "2018-10-22", "2019-04-01", "现行", "", "", "", MIIT, "全国船舶舾装标准化技术委员会"],
    ["DL/T 860.72-2013", "电力自动化通信网络和系统 第7-2部分：基本信息和通信结构-抽象通信服务接口（ACSI）",
     "Communication networks and systems for power utility automation—Part 7-2: Basic information and communication structure—Abstract communication service interface (ACSI)",
     "33.200", "F21", "2013-11-28", "2014-04-01", "现行", "DL/T 860.72-2004", "IEC 61850-7-2:2010, IDT", "",
     "国家能源局", "全国电力系统管理及其信息交换标准化技术委员会"],
]

LONG_FIELD = ("Extremely long English title generated on purpose to exceed the field-size limit. " * 900)[:72000]

BROKEN_ROWS = [
    # 1 good
    ["GB/T 24353-2022", "风险管理 指南", "Risk management—Guidelines", "03.100.01", "A00", "2022-12-30", "2023-07-01", "现行",
     "GB/T 24353-2009", "ISO 31000:2018, IDT", "", SAC, "全国风险管理标准化技术委员会"],
    # 2 good
    ["YD/T 1171-2015", "IP网络技术要求——网络性能参数与指标", "", "33.040.40", "M32", "2015-07-14", "2015-10-01", "现行",
     "YD/T 1171-2001", "", "", MIIT, "中国通信标准化协会"],
    # 3 BAD: empty 标准号
    ["", "通信用光纤活动连接器 通用技术要求", "", "33.180.20", "M33", "2016-04-05", "2016-07-01", "现行", "", "", "",
     MIIT, "中国通信标准化协会"],
    # 4 BAD: both titles empty
    ["SJ/T 11762-2020", "", "", "31.020", "L10", "2020-04-16", "2020-07-01", "现行", "", "", "", MIIT, "中国电子技术标准化研究院"],
    # 5 BAD: unparsable 标准号
    ["???", "电子元器件 质量评定 总规范", "", "31.020", "L10", "2018-10-22", "2019-04-01", "现行", "", "", "", MIIT,
     "中国电子技术标准化研究院"],
    # 6 good (first occurrence of the duplicated number)
    ["QC/T 1067.1-2017", "汽车电线束和电气设备用连接器 第1部分：定义、试验方法和一般性能要求", "", "43.040.10", "T36",
     "2017-04-12", "2018-01-01", "现行", "", "", "", MIIT, "全国汽车标准化技术委员会"],
    # 7 BAD: duplicate 标准号 (same as row 6, different title)
    ["QC/T 1067.1-2017", "汽车电线束和电气设备用连接器 第1部分：总则（重复导入）", "", "43.040.10", "T36",
     "2017-04-12", "2018-01-01", "现行", "", "", "", MIIT, "全国汽车标准化技术委员会"],
    # 8 BAD: too few columns (7 instead of 13)
    ["HG/T 5514-2019", "工业用氢氧化钾", "", "71.060.40", "G11", "2019-08-02", "现行"],
    # 9 BAD: absurdly long field (> 70 000 characters) in 英文标准名称
    ["FZ/T 64078-2019", "熔喷法非织造布", LONG_FIELD, "59.080.30", "W59", "2019-08-02", "2020-01-01", "现行", "", "", "",
     MIIT, "全国纺织品标准化技术委员会"],
    # 10 WARN: impossible date, row still ingested (date -> null + warning)
    ["JB/T 13567-2019", "数控机床 可靠性评定", "Numerical control machine tools—Reliability assessment", "25.040.20", "J50",
     "2019-13-45", "2020-04-01", "现行", "", "", "", MIIT, "全国金属切削机床标准化技术委员会"],
    # 11 FLAG: unparsable 采标情况, row kept, declaration flagged (G8)
    ["YS/T 1234-2018", "铝及铝合金阳极氧化膜 耐磨性测定", "", "25.220.20", "H61", "2018-10-22", "2019-04-01", "现行",
     "", "见前言（采标情况待核实/ISO ???）", "XYZ", MIIT, "全国有色金属标准化技术委员会"],
    # 12 good
    ["BB/T 0034-2017", "铝防盗瓶盖", "Aluminium pilfer-proof closures", "55.100", "A82", "2017-11-07", "2018-04-01", "现行",
     "BB/T 0034-2006", "", "", MIIT, "全国包装标准化技术委员会"],
]


def write_csv_text(header, rows):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(header)
    for r in rows:
        w.writerow(r)
    return buf.getvalue()


def main():
    os.makedirs(DOM, exist_ok=True)
    # 1. GB18030
    text = write_csv_text(H, GB18030_ROWS)
    with open(os.path.join(DOM, "gb_catalogue_gb18030.csv"), "wb") as fh:
        fh.write(text.encode("gb18030"))
    # 2. XLSX
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "标准目录"
    ws.append(H)
    for r in XLSX_ROWS:
        ws.append(r)
    for row in ws.iter_rows(min_row=2):
        for c in row:
            if isinstance(c.value, (dt.date, dt.datetime)):
                c.number_format = "yyyy-mm-dd"   # stored as Excel serial number
    ws2 = wb.create_sheet("说明")
    ws2.append(["本工作簿为 stdalign 测试样例，第一张表为数据。"])
    wb.save(os.path.join(DOM, "platform_export.xlsx"))
    # 3. broken rows (UTF-8)
    with open(os.path.join(DOM, "broken_rows.csv"), "w", encoding="utf-8", newline="") as fh:
        fh.write(write_csv_text(H, BROKEN_ROWS))
    print("gb18030 rows:", len(GB18030_ROWS), "xlsx rows:", len(XLSX_ROWS), "broken_rows rows:", len(BROKEN_ROWS))


if __name__ == "__main__":
    main()

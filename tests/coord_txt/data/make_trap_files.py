"""Writes the hand-made trap files of this folder (run once by hand; the files are committed)."""
import os
D = os.path.dirname(os.path.abspath(__file__))
os.makedirs(D, exist_ok=True)
HEADER = """[属性描述]
格式版本号=1.01版本
数据产生单位=某县自然资源局
数据产生日期=2024-05-06
坐标系=2000国家大地坐标系
几度分带=3
投影类型=高斯克吕格
计量单位=米
带号=39
精度=0.001
转换参数=,,,,,,
[地块坐标]
"""
def rect(n0, e0, dn, de):
    return [(n0, e0), (n0, e0+de), (n0+dn, e0+de), (n0+dn, e0), (n0, e0)]
def ring_lines(ring_no, pts, swap=False, prefix=True, close=True):
    out=[]
    if not close: pts = pts[:-1]
    for i,(n,e) in enumerate(pts, 1):
        if not prefix: e -= 39_000_000
        a,b = (e,n) if swap else (n,e)
        out.append(f"J{i},{ring_no},{a:.3f},{b:.3f}")
    return out
def parcel(fields, rings, **kw):
    lines=[]
    body=[]
    for i, pts in enumerate(rings, 1):
        body += ring_lines(i, pts, **kw)
    f = list(fields); f[0] = str(len(body)) if f[0] is None else f[0]
    return [",".join(f)+",@"] + body
N0, E0 = 3540000.0, 39500000.0
# 100 m x 50 m = 0.5 ha
A = rect(N0, E0, 100, 50)
# nested: outer 200x200, hole 100x100 inside, island 40x40 inside the hole; second part 30x30 apart
OUT = rect(N0+1000, E0+1000, 200, 200)
HOLE = rect(N0+1050, E0+1050, 100, 100)[::-1]
ISL = rect(N0+1080, E0+1080, 40, 40)
PART = rect(N0+1300, E0+1000, 30, 30)
nested_area = 200*200 - 100*100 + 40*40 + 30*30  # 32500 m2 = 3.25 ha

def write(name, text, encoding='utf-8', eol='\n', bom=False):
    data = text.replace('\n', eol).encode(encoding)
    if bom: data = b'\xef\xbb\xbf' + data
    open(os.path.join(D, name), 'wb').write(data)

# 1 GBK + CRLF + [项目信息]
t = "[项目信息]\n项目名称=城关镇土地整治项目\n项目编号=3401022024001\n项目类型=土地整治\n" + HEADER
t += "\n".join(parcel([None, "0.5000", "DK001", "东坡地块", "面", "H50G001001", "补充耕地", "0103"], [A])) + "\n"
write("gbk_crlf_project_info.txt", t, "gbk", "\r\n")
# 2 UTF-8 BOM, LF, nested rings and a second part
t = HEADER + "\n".join(parcel([None, "3.2500", "DK002", "套圈地块", "面", "", "补充耕地", "0102"], [OUT, HOLE, ISL, PART])) + "\n"
write("utf8_bom_nested.txt", t, bom=True)
# 3 swapped X/Y
t = HEADER + "\n".join(parcel([None, "0.5000", "DK003", "", "面", "", "", "0103"], [A], swap=True)) + "\n"
write("swapped_xy.txt", t)
# 4 no zone prefix, 带号=39
t = HEADER + "\n".join(parcel([None, "0.5000", "DK004", "", "面", "", "", ""], [A], prefix=False)) + "\n"
write("no_zone_prefix.txt", t)
# 5 renamed keys, missing keys, blank fields as spaces, empty 带号
t = """[属性描述]
坐标系统=2000国家大地坐标系
分带=3度带
投影类型=高斯克吕格
带号=
[地块坐标]
""" + "\n".join(parcel([None, " ", "DK005", " ", " ", " ", " ", " "], [A])) + "\n"
write("renamed_keys_blank_fields.txt", t)
# 6 unclosed rings, 界址点数 counting the written points only
t = HEADER + "\n".join(parcel([None, "0.5100", "DK006", "", "面", "", "", ""], [A, rect(N0+500, E0, 10, 10)], close=False)) + "\n"
write("unclosed_rings.txt", t)
# 7 area units: ha with suffix, m2, mu, mismatch, not a number
B = rect(N0+300, E0, 100, 50)
C = rect(N0+600, E0, 100, 50)
D7 = rect(N0+900, E0, 100, 50)
E7 = rect(N0+1200, E0, 100, 50)
t = HEADER
t += "\n".join(parcel([None, "0.50公顷", "DK701", "", "面", "", "", ""], [A])) + "\n"
t += "\n".join(parcel([None, "5000.00", "DK702", "", "面", "", "", ""], [B])) + "\n"
t += "\n".join(parcel([None, "7.50", "DK703", "", "面", "", "", ""], [C])) + "\n"
t += "\n".join(parcel([None, "0.6000", "DK704", "", "面", "", "", ""], [D7])) + "\n"
t += "\n".join(parcel([None, "约半公顷", "DK705", "", "面", "", "", ""], [E7])) + "\n"
write("area_units.txt", t)
# 8 extra province fields and a Xian 1980 datum
t = HEADER.replace("2000国家大地坐标系", "1980西安坐标系") 
t += "\n".join(parcel([None, "0.5000", "DK008", "北地块", "面", "", "补充耕地", "0103", "340102", "2024"], [A])) + "\n"
write("xian80_extra_fields.txt", t)
# 9 all rings numbered 1; CR-only line endings
t = HEADER + "\n".join(parcel([None, "0.5100", "DK009", "", "面", "", "", ""], [A, rect(N0+500, E0, 10, 10)])).replace(",2,", ",1,") + "\n"
write("rings_all_number_one_cr.txt", t, eol="\r")
# 10 no zone anywhere
t = HEADER.replace("带号=39\n", "带号=\n") + "\n".join(parcel([None, "0.5000", "DK010", "", "面", "", "", ""], [A], prefix=False)) + "\n"
write("no_zone_anywhere.txt", t)
# malformed files (line numbers are asserted by the tests)
good = HEADER + "\n".join(parcel([None, "0.5000", "DK011", "", "面", "", "", ""], [A])) + "\n"
lines = good.split("\n")
def mutate(name, lineno, new):
    l = list(lines); l[lineno-1] = new; write(name, "\n".join(l))
mutate("bad_number.txt", 15, "J2,1,3540000.000,39500O50.000")          # letter O in a number
mutate("short_parcel_line.txt", 13, "5,0.5000,DK011,面,@")                # 3 fields before @
mutate("bad_ring_number.txt", 16, "J3,A,3540100.000,39500050.000")
mutate("point_line_three_fields.txt", 17, "J4,3540100.000,39500000.000")
mutate("zone_conflict.txt", 9, "带号=38")
write("point_before_parcel.txt", HEADER + "J1,1,3540000.000,39500000.000\n" + good.split("[地块坐标]\n")[1])
mutate("mixed_prefix.txt", 16, "J3,1,3540100.000,500050.000")
write("two_points_ring.txt", HEADER + "3,,DK012,,面,,,,@\nJ1,1,3540000.000,39500000.000\nJ2,1,3540010.000,39500000.000\nJ3,1,3540000.000,39500000.000\n")
write("beijing54.txt", good.replace("2000国家大地坐标系", "1954北京坐标系"))
write("missing_at_comma.txt", good.replace(",,,@", ",,,0103@"))

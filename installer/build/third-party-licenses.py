#!/usr/bin/env python3
"""Lists the license of every runtime dependency, read from the POMs in ~/.m2 (parents followed).
Regenerates installer/THIRD-PARTY.txt:
    mvn -B -o -q dependency:list -DincludeScope=runtime -DoutputFile=target/deps.txt
    python3 installer/build/third-party-licenses.py target/deps.txt > installer/THIRD-PARTY.txt
"""
import os, re, sys, xml.etree.ElementTree as ET
M2 = os.path.expanduser('~/.m2/repository')
NS = '{http://maven.apache.org/POM/4.0.0}'
def pom_path(g, a, v): return os.path.join(M2, *g.split('.'), a, v, f'{a}-{v}.pom')
def info(g, a, v, depth=0):
    p = pom_path(g, a, v)
    if not os.path.exists(p): return None, None, None
    try:
        root = ET.parse(p).getroot()
    except ET.ParseError:
        txt = open(p, encoding='utf-8', errors='replace').read()
        root = ET.fromstring(re.sub(r'<!DOCTYPE[^>]*>', '', txt))
    def f(el, path):
        return el.find('/'.join(NS + t for t in path.split('/')))
    name = f(root, 'name'); url = f(root, 'url')
    lic = root.find(NS + 'licenses')
    lics = []
    if lic is not None:
        for l in lic.findall(NS + 'license'):
            n = l.find(NS + 'name'); lics.append((n.text or '').strip() if n is not None else '?')
    if not lics:
        par = root.find(NS + 'parent')
        if par is not None and depth < 6:
            pg, pa, pv = (par.find(NS + k).text for k in ('groupId', 'artifactId', 'version'))
            _, lics2, url2 = info(pg, pa, pv, depth + 1)
            lics = lics2 or []
            if url is None and url2: url = url2
    return (name.text.strip() if name is not None and name.text else None), lics, (url.text.strip() if hasattr(url, 'text') and url.text else url if isinstance(url, str) else None)
# POMs that name no license; the project's own site says which
KNOWN = {'it.unimi.dsi:fastutil': ['Apache License, Version 2.0']}
HEADER = open(os.path.join(os.path.dirname(__file__), 'third-party-header.txt')).read()
rows = []
for line in open(sys.argv[1]):
    line = line.strip()
    if not re.match(r'[^:\s]+:[^:]+:jar:', line): continue
    parts = line.split(' ')[0].split(':')
    if len(parts) == 6: g, a, _, c, v, _ = parts
    else: g, a, _, v, _ = parts; c = None
    name, lics, url = info(g, a, v)
    lics = lics or KNOWN.get(f'{g}:{a}', [])
    rows.append((g, a, v, name, lics))
print(HEADER, end='')
seen = set()
for g, a, v, name, lics in sorted(rows):
    key = (g, a, v)
    if key in seen: continue
    seen.add(key)
    print(f"  {g}:{a}:{v}\n      {'; '.join(lics) if lics else 'UNKNOWN'}")

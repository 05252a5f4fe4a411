# regex_v8: a v8-style regular-expression workload over synthetic web text (URLs, HTML, cookies,
# user agents, dates, CSS): match/search/findall/finditer/sub (templates and callables)/split,
# groups, named groups, backreferences, lookahead/lookbehind, IGNORECASE/MULTILINE, lazy and
# greedy quantifiers. Prints match counts and checksums. Imports: re.

from _scale import scaled

import re


class Random:
    """xorshift32: the same stream on every interpreter."""

    def __init__(self, seed):
        self.state = seed or 1

    def below(self, n):
        x = self.state
        x ^= (x << 13) & 0xFFFFFFFF
        x ^= x >> 17
        x ^= (x << 5) & 0xFFFFFFFF
        self.state = x
        return x % n

    def pick(self, seq):
        return seq[self.below(len(seq))]


WORDS = ["alpha", "beta", "Gamma", "delta", "news", "mail", "shop", "search", "img", "video"]
TLDS = ["com", "org", "net", "de", "co.uk"]


def make_inputs(rng, n):
    urls, html, cookies, agents, logs = [], [], [], [], []
    for i in range(n):
        host = "%s.%s%d.%s" % (rng.pick(["www", "m", "api"]), rng.pick(WORDS), rng.below(100), rng.pick(TLDS))
        port = ":%d" % (8000 + rng.below(100)) if rng.below(4) == 0 else ""
        path = "/".join(rng.pick(WORDS) for _ in range(1 + rng.below(4)))
        query = "&".join("%s=%d" % (rng.pick(WORDS), rng.below(1000)) for _ in range(rng.below(4)))
        url = "%s://%s%s/%s.html" % (rng.pick(["http", "https"]), host, port, path)
        if query:
            url += "?" + query
        if rng.below(3) == 0:
            url += "#sec%d" % rng.below(10)
        urls.append(url)
        html.append(
            '<div class="item c%d" id="n%d"><a href="%s" CLASS="link %s">%s &amp; %s</a>'
            '<span style="width: %dpx; height:%dpx">$%d.%02d or %d units</span><br/></div>\n'
            % (i % 7, i, url, rng.pick(WORDS).lower(), rng.pick(WORDS), rng.pick(WORDS),
               rng.below(500), rng.below(300), rng.below(1000), rng.below(100), rng.below(1000))
        )
        cookies.append("; ".join("%s%d=%s%d" % (rng.pick(WORDS), j, rng.pick(WORDS), rng.below(99))
                                 for j in range(1 + rng.below(5))))
        agents.append(
            "Mozilla/5.0 (%s) AppleWebKit/537.%d (KHTML, like Gecko) Chrome/%d.0.%d.%d Safari/537.%d"
            % (rng.pick(["Windows NT 10.0; Win64; x64", "X11; Linux x86_64", "Macintosh; Intel Mac OS X 10_15_7"]),
               rng.below(40), 60 + rng.below(60), rng.below(5000), rng.below(200), rng.below(40))
        )
        logs.append("%04d-%02d-%02d %02d:%02d:%02d  [%s]   user%d   did   %s  \t(%d ms)"
                    % (2000 + rng.below(25), 1 + rng.below(12), 1 + rng.below(28), rng.below(24),
                       rng.below(60), rng.below(60), rng.pick(["INFO", "WARN", "ERROR", "debug"]),
                       rng.below(500), rng.pick(WORDS), rng.below(10000)))
    return urls, "".join(html), cookies, agents, "\n".join(logs)


URL = re.compile(r"^(https?)://([^/:?#]+)(?::(\d+))?(/[^?#]*)?(?:\?([^#]*))?(?:#(.*))?$")
LINK = re.compile(r'<a\s+href="([^"]*)"[^>]*>(.*?)</a>')
COOKIE = re.compile(r"(\w+?)(\d*)=([^;]*)")
CHROME = re.compile(r"Chrome/(\d+)\.(\d+)\.(\d+)\.(\d+)")
PLATFORM = re.compile(r"\(([^)]*)\)")
CLASS_ATTR = re.compile(r'\bclass="([a-z0-9 ]+)"', re.IGNORECASE)
PAIRED_TAG = re.compile(r"<(\w+)[^>]*>[^<]*</\1>")
PIXELS = re.compile(r"\d+(?=px)")
NOT_PRICE = re.compile(r"(?<![$.\d])\b\d{3}\b")
DATE = re.compile(r"(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)")
LEVEL = re.compile(r"^\S+ \S+\s+\[(error|warn)\]", re.IGNORECASE | re.MULTILINE)
SPACES = re.compile(r"\s+")
ENTITY = re.compile(r"&(amp|lt|gt|quot);")
ENTITIES = {"amp": "&", "lt": "<", "gt": ">", "quot": '"'}


def digest(text, h=0):
    for ch in text[::11]:
        h = (h * 131 + ord(ch)) % 1000000007
    return h


def run(urls, html, cookies, agents, logs):
    counts = [0] * 12
    h = 0
    for url in urls:
        m = URL.match(url)
        if m:
            counts[0] += 1
            scheme, host, port, path, query, frag = m.groups()
            h = digest(host, h)
            if port:
                counts[1] += int(port) % 7
            if query:
                counts[2] += len(re.split(r"[&;]", query))
            if frag is not None:
                counts[3] += 1
    for href, text in LINK.findall(html):
        h = digest(text, h)
        counts[4] += len(href)
    for line in cookies:
        for name, num, value in COOKIE.findall(line):
            counts[5] += len(name) + len(value) + (int(num) if num else 0)
    for agent in agents:
        m = CHROME.search(agent)
        counts[6] += int(m.group(1)) + int(m.group(4))
        counts[7] += len(PLATFORM.search(agent).group(1).split(";"))
    for m in CLASS_ATTR.finditer(html):
        counts[8] += m.end() - m.start()
    counts[9] = len(PAIRED_TAG.findall(html))
    counts[10] = sum(int(px) for px in PIXELS.findall(html))
    counts[11] = len(NOT_PRICE.findall(html)) + len(LEVEL.findall(logs))
    cleaned = SPACES.sub(" ", logs)
    dated = DATE.sub(r"\g<day>/\g<month>/\g<year>", cleaned)
    unescaped = ENTITY.sub(lambda m: ENTITIES[m.group(1)], html)
    swapped = re.sub(r"(\w+)@(\w+)", r"\2 at \1", "a@b c@d " * 10)
    upper = re.sub(r"\b([a-z])(\w*)", lambda m: m.group(1).upper() + m.group(2), cleaned[:2000])
    h = digest(dated, h)
    h = digest(unescaped, h)
    h = digest(swapped + upper, h)
    return counts, h


def main(rounds):
    rng = Random(8675309)
    inputs = make_inputs(rng, 150)
    for _ in range(rounds):
        counts, h = run(*inputs)
    print(counts)
    print(h)


main(scaled(190))

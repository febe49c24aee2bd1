#!/usr/bin/env python3
"""Makes a folder of web pages for the HTML throughput benchmark (issue 17).

Each article of a JSONL corpus (default ../shared/corpora/polnear-train.jsonl)
is wrapped in a page template with what real news pages carry around a story:
a <head> with meta tags, JSON-LD and analytics scripts, a cookie banner, a
header with navigation, share buttons, a related-stories rail, comments and a
footer. Paragraphs become <p> elements (quote marks as entities in every other
page), the first is the <h1>. Pages are written until the folder holds SIZE_MB
megabytes of HTML (the corpus repeats as needed).

    scripts/make-html-corpus.py OUT_DIR [SIZE_MB] [CORPUS]

The pages are generated: never commit them.
"""
import html
import json
import os
import sys

HEAD = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} | The Daily Example</title>
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="The Daily Example">
<meta property="article:published_time" content="2024-01-{day:02d}T08:00:00Z">
<link rel="canonical" href="https://daily.example/news/{n}">
<link rel="stylesheet" href="/assets/site.css">
<style>.nav a{{margin:0 1em}}.share{{display:flex}}.rail li{{font-size:90%}}</style>
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle","headline":{jtitle},"author":{{"@type":"Person","name":"Staff Reporter"}},"datePublished":"2024-01-{day:02d}T08:00:00Z"}}</script>
<script async src="https://www.googletagmanager.com/gtag/js?id=G-EXAMPLE"></script>
<script>window.dataLayer=window.dataLayer||[];function gtag(){{dataLayer.push(arguments);}}gtag('js',new Date());gtag('config','G-EXAMPLE',{{"page_title":"Subscribe now, said the banner"}});</script>
</head>
<body class="article-page">
<div id="cookie-consent" class="cookie-banner"><p>We use cookies to improve your experience. &ldquo;Accept,&rdquo; says the button.</p><button>Accept</button><button>Settings</button></div>
<header class="site-header"><a class="logo" href="/">The Daily Example</a>
<nav class="nav"><a href="/news">News</a><a href="/politics">Politics</a><a href="/world">World</a><a href="/business">Business</a><a href="/opinion">Opinion</a><a href="/sport">Sport</a><a href="/culture">Culture</a></nav>
</header>
<main>
<article class="story">
<header><h1>{title}</h1><p class="byline">By <a href="/staff/reporter">Staff Reporter</a> &middot; January {day}, 2024</p></header>
<div class="article-body">
"""

TAIL = """<div class="share"><a href="https://twitter.com/intent/tweet?u={n}">Share on X</a><a href="https://facebook.com/sharer?u={n}">Facebook</a><a href="mailto:?subject={n}">Email</a></div>
</div>
</article>
<aside class="related"><h2>Related stories</h2><ul>
<li><a href="/news/{a}">&ldquo;A turning point,&rdquo; says minister of new trade deal</a></li>
<li><a href="/news/{b}">Police said that the road would reopen on Monday</a></li>
<li><a href="/news/{c}">Five things we learned from the debate</a></li>
</ul></aside>
<section id="comments" class="comments"><h2>Comments</h2>
<div class="comment"><p><b>reader1</b>: &ldquo;Nonsense,&rdquo; said my neighbour when he read this.</p></div>
<div class="comment"><p><b>reader2</b>: Great article, thanks for writing it.</p></div>
</section>
</main>
<footer class="site-footer"><p>&copy; 2024 The Daily Example. All rights reserved.</p><ul><li><a href="/privacy">Privacy</a></li><li><a href="/terms">Terms</a></li></ul></footer>
<script src="/assets/site.js"></script>
<script>document.querySelectorAll('.share a').forEach(function(a){{a.addEventListener('click',function(){{gtag('event','share');}});}});</script>
</body>
</html>
"""


def paragraph(text, entities):
    text = html.escape(text, quote=False)
    if entities:
        text = text.replace("\u201c", "&ldquo;").replace("\u201d", "&rdquo;").replace("\u2019", "&rsquo;")
    return "<p>" + text + "</p>\n"


def page(n, text):
    paras = [p.strip() for p in text.split("\n\n") if p.strip()]
    if not paras:
        return None
    title = html.escape(paras[0].replace("\n", " "), quote=True)
    out = [HEAD.format(title=title, jtitle=json.dumps(paras[0]), day=n % 28 + 1, n=n)]
    out += [paragraph(p, n % 2 == 1) for p in paras[1:]]
    out.append(TAIL.format(n=n, a=n + 1, b=n + 2, c=n + 3))
    return "".join(out)


def main():
    out_dir = sys.argv[1]
    size = float(sys.argv[2]) if len(sys.argv) > 2 else 100
    corpus = sys.argv[3] if len(sys.argv) > 3 else "../shared/corpora/polnear-train.jsonl"
    texts = [json.loads(line)["text"] for line in open(corpus, encoding="utf-8") if line.strip()]
    os.makedirs(out_dir, exist_ok=True)
    written, n = 0, 0
    while written < size * 1e6:
        doc = page(n, texts[n % len(texts)])
        if doc is not None:
            data = doc.encode("utf-8")
            with open(os.path.join(out_dir, f"page-{n:06d}.html"), "wb") as f:
                f.write(data)
            written += len(data)
        n += 1
    print(f"{n} pages, {written / 1e6:.1f} MB in {out_dir}", file=sys.stderr)


if __name__ == "__main__":
    main()

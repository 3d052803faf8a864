{#- The search index: one entry per article, figure and dated statement, as a script (not JSON) so
    that search.html can load it from file:// too. `script_json` keeps it valid JavaScript. -#}
window.REPORT_SEARCH = [
{%- for a in articles %}
{"k": "article", "t": {{ a.title | script_json | safe }}, "s": {{ a.source ~ ", " ~ a.published_display | script_json | safe }}, "u": {{ a.href | script_json | safe }}},
{%- for f in a.figures %}
{"k": "figure", "t": {{ f.text | script_json | safe }}, "s": {{ f.sentence | script_json | safe }}, "w": {{ f.said_by | default(value="") | script_json | safe }}, "u": {% if f.anchor %}{{ a.href ~ "#" ~ f.anchor | script_json | safe }}{% else %}{{ a.href | script_json | safe }}{% endif %}},
{%- endfor %}
{%- for e in a.events %}
{"k": "event", "t": {{ e.date_display | script_json | safe }}, "s": {{ e.text | script_json | safe }}, "w": {{ e.said_by | default(value="") | script_json | safe }}, "u": {% if e.anchor %}{{ a.href ~ "#" ~ e.anchor | script_json | safe }}{% else %}{{ a.href | script_json | safe }}{% endif %}},
{%- endfor %}
{%- endfor %}
{%- for b in briefings %}
{"k": "briefing", "t": {{ b.title | script_json | safe }}, "s": {{ b.summary | default(value="") | script_json | safe }}, "u": {{ b.href | script_json | safe }}},
{%- endfor %}
null].filter(Boolean);

# Uncaught exception raised in an except block: "During handling of the above exception..."
def parse(text):
    try:
        return int(text)
    except ValueError:
        return fallback[text]
print(parse('10'))
print(parse('ten'))

# Uncaught exception raised in an except block: "During handling of the above exception..."
for s in ['1', '22', '-3']:
    print('parsed directly', int(s))
def parse(text):
    try:
        return int(text)
    except ValueError:
        return fallback[text]
print(parse('10'))
print(parse('ten'))

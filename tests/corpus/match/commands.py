# match: command parsing with split strings, star captures and several subjects at once
def run(command):
    match command.split():
        case ["go", ("north" | "south" | "east" | "west") as direction]:
            return f"going {direction}"
        case ["go", *other]:
            return f"cannot go {' '.join(other) or 'nowhere'}"
        case ["pick", "up", *items] if items:
            return "picking " + ", ".join(items)
        case ["drop", item, *_]:
            return f"dropping {item}"
        case ["quit" | "exit"]:
            return "bye"
        case []:
            return "empty"
        case [verb, *_]:
            return f"unknown verb {verb}"

for c in ["go north", "go up", "go", "pick up key lamp", "pick up", "drop sword now",
          "quit", "exit", "", "dance wildly"]:
    print(repr(c), "->", run(c))

for a, b in [(0, 0), (0, 1), (1, 0), (2, 3)]:
    match a, b:
        case 0, 0:
            print("both zero")
        case 0, y:
            print("a zero, b", y)
        case x, 0:
            print("b zero, a", x)
        case x, y:
            print("neither", x, y)

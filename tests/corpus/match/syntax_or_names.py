# match: alternatives of an or-pattern must bind the same names
print("never printed")
match [1]:
    case [x] | (y):
        pass

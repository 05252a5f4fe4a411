# A parse error on the line of the open bracket stays "invalid syntax".
def broken(:
    pass

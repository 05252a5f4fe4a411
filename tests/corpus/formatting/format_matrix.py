# format() of ints, floats, strs, bools and complex numbers with a matrix of format specs (errors included).
vals = [0, 1, -1, 7, -255, 123456789, 2**70, -2**65, True, False, 0.0, -0.0, 1.5, -2.25, 3.14159, 1e16, 1e-7, 123456.789, float('inf'), float('nan'), 'abc', '', 'héllo', 1+2j, -1.5j, complex(0, -0.0)]
specs = ['', 'd', 'x', 'X', 'o', 'b', 'c', 'e', 'E', 'f', 'F', 'g', 'G', 'n', '%', 's', '10', '<10', '>10', '^10', '=10', '*^9', '+', '-', ' ', '#x', '#o', '08', '08.3f', ',', '_', ',.2f', '.0f', '.3', '.3e', '+.2%', 'z.1f', '#g', '.10g', '>+12.4e', '0=8', ',d', '_x', '#b', '.2s', '5.1s', '^', 'c>5']
out = []
for v in vals:
    for s in specs:
        try:
            r = format(v, s)
        except Exception as e:
            r = type(e).__name__ + ': ' + str(e)
        out.append(repr(v) + ' ' + repr(s) + ' -> ' + repr(r))
for line in out:
    print(line)

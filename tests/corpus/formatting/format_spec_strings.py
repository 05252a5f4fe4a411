# Format specs for strings: fill, alignment, width, precision (truncation) and s type.
s = 'pyrite'
for spec in ['', 's', '10', '<10', '>10', '^10', '*^11', '.3', '10.3', '>10.2s', '-<8', '^3', '.0', '~>9']:
    print(repr(spec), repr(format(s, spec)))
print('[{:^9}]'.format('é'), '[{:>5}]'.format('日本'), '[{:.2}]'.format('\U0001F600ab'))
for spec in ['+', '=10', ',', '05', '#']:
    try:
        print(repr(format(s, spec)))
    except ValueError as e:
        print(repr(spec), type(e).__name__, e)

# Exceptions interacting with loops: continue after catching, else clauses, accumulating errors.
data = ['1', '2', 'x', '4', '', '6.5', '-3']
total = 0
errors = []
for s in data:
    try:
        total += int(s)
    except ValueError as e:
        errors.append(str(e))
        continue
    print('added', s)
print(total)
for e in errors:
    print(e)
results = []
for d in [1, 0, 2, 'a']:
    try:
        r = 10 / d
    except ZeroDivisionError:
        results.append('div0')
    except TypeError as e:
        results.append('type: ' + str(e))
    else:
        results.append(r)
    finally:
        results.append('|')
print(results)
i = 0
while True:
    try:
        i += 1
        if i == 4:
            raise StopIteration
    except StopIteration:
        print('stopped at', i)
        break

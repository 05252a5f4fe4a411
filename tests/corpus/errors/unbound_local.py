# Uncaught UnboundLocalError: local variable referenced before assignment.
count = 0
def read_only():
    return count + 1
print(read_only())
def rebinding():
    global count
    count += 1
    return count
print(rebinding(), count)
def increment():
    count += 1
    return count
increment()

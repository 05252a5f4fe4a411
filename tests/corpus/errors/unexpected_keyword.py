# Uncaught TypeError for an unexpected keyword argument.
def connect(host, port=80):
    return '%s:%d' % (host, port)
print('connecting', connect.__name__)
print(connect('example', port=8080))
print(connect('localhost'), connect(host='h', port=1))
print(connect('a', 2), connect(port=3, host='b'))
print(connect.__defaults__)
print(connect.__code__.co_varnames[:2])
print(connect('example', prot=8080))

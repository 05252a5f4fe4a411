# Exception raised in a finally block while another is propagating (context chain).
def fine():
    try:
        return 'try value'
    finally:
        print('finally ran in fine()')
print(fine())
def work():
    try:
        raise ValueError('original problem')
    finally:
        cleanup = None
        cleanup.close()
work()

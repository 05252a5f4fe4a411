# Exception raised in a finally block while another is propagating (context chain).
def work():
    try:
        raise ValueError('original problem')
    finally:
        cleanup = None
        cleanup.close()
work()

# pystone: the Dhrystone 1.1 synthetic benchmark in Python form (global variables, small
# procedures, record objects copied and linked through attributes, string comparisons,
# character arithmetic with chr/ord, 1-D and 2-D list stores).
# Prints the final global state instead of a timing.

from _scale import scaled

IDENT_1, IDENT_2, IDENT_3, IDENT_4, IDENT_5 = 1, 2, 3, 4, 5


class Record:
    def __init__(self, next_rec=None, discr=0, enum_comp=0, int_comp=0, str_comp=None):
        self.next_rec = next_rec
        self.discr = discr
        self.enum_comp = enum_comp
        self.int_comp = int_comp
        self.str_comp = str_comp

    def copy(self):
        return Record(self.next_rec, self.discr, self.enum_comp, self.int_comp, self.str_comp)


int_glob = 0
bool_glob = False
char1_glob = "\0"
char2_glob = "\0"
array1_glob = [0] * 51
array2_glob = [[0] * 51 for _ in range(51)]
rec_glob = None
rec_glob_next = None


def proc0(loops):
    global int_glob, bool_glob, char1_glob, char2_glob, rec_glob, rec_glob_next

    rec_glob_next = Record()
    rec_glob = Record(rec_glob_next, IDENT_1, IDENT_3, 40, "DHRYSTONE PROGRAM, SOME STRING")
    string1 = "DHRYSTONE PROGRAM, 1'ST STRING"
    array2_glob[8][7] = 10

    for _ in range(loops):
        proc5()
        proc4()
        int1 = 2
        int2 = 3
        string2 = "DHRYSTONE PROGRAM, 2'ND STRING"
        enum_loc = IDENT_2
        bool_glob = not func2(string1, string2)
        while int1 < int2:
            int3 = 5 * int1 - int2
            int3 = proc7(int1, int2)
            int1 = int1 + 1
        proc8(array1_glob, array2_glob, int1, int3)
        rec_glob = proc1(rec_glob)
        char_index = "A"
        while char_index <= char2_glob:
            if enum_loc == func1(char_index, "C"):
                enum_loc = proc6(IDENT_1)
            char_index = chr(ord(char_index) + 1)
        int3 = int2 * int1
        int2 = int3 // int1
        int2 = 7 * (int3 - int2) - int1
        int1 = proc2(int1)
    return int1, int2, int3, enum_loc


def proc1(rec_in):
    nxt = rec_glob.copy()
    rec_in.next_rec = nxt
    rec_in.int_comp = 5
    nxt.int_comp = rec_in.int_comp
    nxt.next_rec = rec_in.next_rec
    nxt.next_rec = proc3(nxt.next_rec)
    if nxt.discr == IDENT_1:
        nxt.int_comp = 6
        nxt.enum_comp = proc6(rec_in.enum_comp)
        nxt.next_rec = rec_glob.next_rec
        nxt.int_comp = proc7(nxt.int_comp, 10)
    else:
        rec_in = nxt.copy()
    nxt.next_rec = None
    return rec_in


def proc2(int_io):
    int_loc = int_io + 10
    while True:
        if char1_glob == "A":
            int_loc = int_loc - 1
            int_io = int_loc - int_glob
            enum_loc = IDENT_1
        if enum_loc == IDENT_1:
            break
    return int_io


def proc3(rec_out):
    global int_glob

    if rec_glob is not None:
        rec_out = rec_glob.next_rec
    else:
        int_glob = 100
    rec_glob.int_comp = proc7(10, int_glob)
    return rec_out


def proc4():
    global char2_glob

    bool_loc = char1_glob == "A"
    bool_loc = bool_loc or bool_glob
    char2_glob = "B"


def proc5():
    global char1_glob, bool_glob

    char1_glob = "A"
    bool_glob = False


def proc6(enum_in):
    enum_out = enum_in
    if not func3(enum_in):
        enum_out = IDENT_4
    if enum_in == IDENT_1:
        enum_out = IDENT_1
    elif enum_in == IDENT_2:
        if int_glob > 100:
            enum_out = IDENT_1
        else:
            enum_out = IDENT_4
    elif enum_in == IDENT_3:
        enum_out = IDENT_2
    elif enum_in == IDENT_4:
        pass
    elif enum_in == IDENT_5:
        enum_out = IDENT_3
    return enum_out


def proc7(int1, int2):
    int_loc = int1 + 2
    return int2 + int_loc


def proc8(array1, array2, int1, int2):
    global int_glob

    int_loc = int1 + 5
    array1[int_loc] = int2
    array1[int_loc + 1] = array1[int_loc]
    array1[int_loc + 30] = int_loc
    for index in range(int_loc, int_loc + 2):
        array2[int_loc][index] = int_loc
    array2[int_loc][int_loc - 1] = array2[int_loc][int_loc - 1] + 1
    array2[int_loc + 20][int_loc] = array1[int_loc]
    int_glob = 5


def func1(ch1, ch2):
    ch_loc1 = ch1
    ch_loc2 = ch_loc1
    if ch_loc2 != ch2:
        return IDENT_1
    return IDENT_2


def func2(str1, str2):
    int_loc = 1
    while int_loc <= 1:
        if func1(str1[int_loc], str2[int_loc + 1]) == IDENT_1:
            ch_loc = "A"
            int_loc = int_loc + 1
    if "W" <= ch_loc <= "Z":
        int_loc = 7
    if ch_loc == "X":
        return True
    if str1 > str2:
        int_loc = int_loc + 7
        return True
    return False


def func3(enum_in):
    enum_loc = enum_in
    return enum_loc == IDENT_3


def main(loops):
    locals_ = proc0(loops)
    print("locals:", *locals_)
    print("globals:", int_glob, bool_glob, char1_glob, char2_glob)
    print("arrays:", array1_glob[8], array1_glob[9], array1_glob[38], array2_glob[8][7], array2_glob[28][8])
    print("record:", rec_glob.discr, rec_glob.enum_comp, rec_glob.int_comp, rec_glob.str_comp)


main(scaled(450000))

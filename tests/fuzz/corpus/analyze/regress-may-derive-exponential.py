from somewhere import Unknown


class A0(Unknown):
    __slots__ = ()


class B0(Unknown):
    __slots__ = ()


class A1(A0, B0):
    __slots__ = ()


class B1(A0, B0):
    __slots__ = ()


class A2(A1, B1):
    __slots__ = ()


class B2(A1, B1):
    __slots__ = ()


class A3(A2, B2):
    __slots__ = ()


class B3(A2, B2):
    __slots__ = ()


class A4(A3, B3):
    __slots__ = ()


class B4(A3, B3):
    __slots__ = ()


class A5(A4, B4):
    __slots__ = ()


class B5(A4, B4):
    __slots__ = ()


class A6(A5, B5):
    __slots__ = ()


class B6(A5, B5):
    __slots__ = ()


class A7(A6, B6):
    __slots__ = ()


class B7(A6, B6):
    __slots__ = ()


class A8(A7, B7):
    __slots__ = ()


class B8(A7, B7):
    __slots__ = ()


class A9(A8, B8):
    __slots__ = ()


class B9(A8, B8):
    __slots__ = ()


class A10(A9, B9):
    __slots__ = ()


class B10(A9, B9):
    __slots__ = ()


class A11(A10, B10):
    __slots__ = ()


class B11(A10, B10):
    __slots__ = ()


class A12(A11, B11):
    __slots__ = ()


class B12(A11, B11):
    __slots__ = ()


class A13(A12, B12):
    __slots__ = ()


class B13(A12, B12):
    __slots__ = ()


class A14(A13, B13):
    __slots__ = ()


class B14(A13, B13):
    __slots__ = ()


class A15(A14, B14):
    __slots__ = ()


class B15(A14, B14):
    __slots__ = ()


class A16(A15, B15):
    __slots__ = ()


class B16(A15, B15):
    __slots__ = ()


class A17(A16, B16):
    __slots__ = ()


class B17(A16, B16):
    __slots__ = ()


class A18(A17, B17):
    __slots__ = ()


class B18(A17, B17):
    __slots__ = ()


class A19(A18, B18):
    __slots__ = ()


class B19(A18, B18):
    __slots__ = ()


class A20(A19, B19):
    __slots__ = ()


class B20(A19, B19):
    __slots__ = ()


class A21(A20, B20):
    __slots__ = ()


class B21(A20, B20):
    __slots__ = ()


class A22(A21, B21):
    __slots__ = ()


class B22(A21, B21):
    __slots__ = ()


class A23(A22, B22):
    __slots__ = ()


class B23(A22, B22):
    __slots__ = ()


class A24(A23, B23):
    __slots__ = ()


class B24(A23, B23):
    __slots__ = ()


class A25(A24, B24):
    __slots__ = ()


class B25(A24, B24):
    __slots__ = ()


class A26(A25, B25):
    __slots__ = ()


class B26(A25, B25):
    __slots__ = ()


class A27(A26, B26):
    __slots__ = ()


class B27(A26, B26):
    __slots__ = ()


class A28(A27, B27):
    __slots__ = ()


class B28(A27, B27):
    __slots__ = ()


class A29(A28, B28):
    __slots__ = ()


class B29(A28, B28):
    __slots__ = ()


class A30(A29, B29):
    __slots__ = ()


class B30(A29, B29):
    __slots__ = ()


class A31(A30, B30):
    __slots__ = ()


class B31(A30, B30):
    __slots__ = ()


class A32(A31, B31):
    __slots__ = ()


class B32(A31, B31):
    __slots__ = ()


class A33(A32, B32):
    __slots__ = ()


class B33(A32, B32):
    __slots__ = ()


class A34(A33, B33):
    __slots__ = ()


class B34(A33, B33):
    __slots__ = ()


class A35(A34, B34):
    __slots__ = ()


class B35(A34, B34):
    __slots__ = ()


class A36(A35, B35):
    __slots__ = ()


class B36(A35, B35):
    __slots__ = ()


class A37(A36, B36):
    __slots__ = ()


class B37(A36, B36):
    __slots__ = ()


class A38(A37, B37):
    __slots__ = ()


class B38(A37, B37):
    __slots__ = ()


class A39(A38, B38):
    __slots__ = ()


class B39(A38, B38):
    __slots__ = ()


class A40(A39, B39):
    __slots__ = ()


class B40(A39, B39):
    __slots__ = ()


class C:
    __slots__ = ('a',)

    def f(self):
        return vars(self)

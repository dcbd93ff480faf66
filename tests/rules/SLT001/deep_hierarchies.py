# Deep hierarchies: a ladder where every class derives from both classes of the rung below, and a
# long single-inheritance chain. Every path through the bases is a different way up, so an analysis
# that walks them without remembering what it found takes exponential time (it hung on rung 30).


class A0:
    __slots__ = ('a0',)


class B0:
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


class A41(A40, B40):
    __slots__ = ()


class B41(A40, B40):
    __slots__ = ()


class A42(A41, B41):
    __slots__ = ()


class B42(A41, B41):
    __slots__ = ()


class A43(A42, B42):
    __slots__ = ()


class B43(A42, B42):
    __slots__ = ()


class A44(A43, B43):
    __slots__ = ()


class B44(A43, B43):
    __slots__ = ()


class A45(A44, B44):
    __slots__ = ()


class B45(A44, B44):
    __slots__ = ()


class A46(A45, B45):
    __slots__ = ()


class B46(A45, B45):
    __slots__ = ()


class A47(A46, B46):
    __slots__ = ()


class B47(A46, B46):
    __slots__ = ()


class A48(A47, B47):
    __slots__ = ()


class B48(A47, B47):
    __slots__ = ()


class A49(A48, B48):
    __slots__ = ()


class B49(A48, B48):
    __slots__ = ()


class A50(A49, B49):
    __slots__ = ()


class B50(A49, B49):
    __slots__ = ()


class A51(A50, B50):
    __slots__ = ()


class B51(A50, B50):
    __slots__ = ()


class A52(A51, B51):
    __slots__ = ()


class B52(A51, B51):
    __slots__ = ()


class A53(A52, B52):
    __slots__ = ()


class B53(A52, B52):
    __slots__ = ()


class A54(A53, B53):
    __slots__ = ()


class B54(A53, B53):
    __slots__ = ()


class A55(A54, B54):
    __slots__ = ()


class B55(A54, B54):
    __slots__ = ()


class A56(A55, B55):
    __slots__ = ()


class B56(A55, B55):
    __slots__ = ()


class A57(A56, B56):
    __slots__ = ()


class B57(A56, B56):
    __slots__ = ()


class A58(A57, B57):
    __slots__ = ()


class B58(A57, B57):
    __slots__ = ()


class A59(A58, B58):
    __slots__ = ()


class B59(A58, B58):
    __slots__ = ()


class C0:
    __slots__ = ('c0',)


class C1(C0):
    __slots__ = ()


class C2(C1):
    __slots__ = ()


class C3(C2):
    __slots__ = ()


class C4(C3):
    __slots__ = ()


class C5(C4):
    __slots__ = ()


class C6(C5):
    __slots__ = ()


class C7(C6):
    __slots__ = ()


class C8(C7):
    __slots__ = ()


class C9(C8):
    __slots__ = ()


class C10(C9):
    __slots__ = ()


class C11(C10):
    __slots__ = ()


class C12(C11):
    __slots__ = ()


class C13(C12):
    __slots__ = ()


class C14(C13):
    __slots__ = ()


class C15(C14):
    __slots__ = ()


class C16(C15):
    __slots__ = ()


class C17(C16):
    __slots__ = ()


class C18(C17):
    __slots__ = ()


class C19(C18):
    __slots__ = ()


class C20(C19):
    __slots__ = ()


class C21(C20):
    __slots__ = ()


class C22(C21):
    __slots__ = ()


class C23(C22):
    __slots__ = ()


class C24(C23):
    __slots__ = ()


class C25(C24):
    __slots__ = ()


class C26(C25):
    __slots__ = ()


class C27(C26):
    __slots__ = ()


class C28(C27):
    __slots__ = ()


class C29(C28):
    __slots__ = ()


class C30(C29):
    __slots__ = ()


class C31(C30):
    __slots__ = ()


class C32(C31):
    __slots__ = ()


class C33(C32):
    __slots__ = ()


class C34(C33):
    __slots__ = ()


class C35(C34):
    __slots__ = ()


class C36(C35):
    __slots__ = ()


class C37(C36):
    __slots__ = ()


class C38(C37):
    __slots__ = ()


class C39(C38):
    __slots__ = ()


class C40(C39):
    __slots__ = ()


class C41(C40):
    __slots__ = ()


class C42(C41):
    __slots__ = ()


class C43(C42):
    __slots__ = ()


class C44(C43):
    __slots__ = ()


class C45(C44):
    __slots__ = ()


class C46(C45):
    __slots__ = ()


class C47(C46):
    __slots__ = ()


class C48(C47):
    __slots__ = ()


class C49(C48):
    __slots__ = ()


class C50(C49):
    __slots__ = ()


class C51(C50):
    __slots__ = ()


class C52(C51):
    __slots__ = ()


class C53(C52):
    __slots__ = ()


class C54(C53):
    __slots__ = ()


class C55(C54):
    __slots__ = ()


class C56(C55):
    __slots__ = ()


class C57(C56):
    __slots__ = ()


class C58(C57):
    __slots__ = ()


class C59(C58):
    __slots__ = ()


class C60(C59):
    __slots__ = ()


class C61(C60):
    __slots__ = ()


class C62(C61):
    __slots__ = ()


class C63(C62):
    __slots__ = ()


class C64(C63):
    __slots__ = ()


class C65(C64):
    __slots__ = ()


class C66(C65):
    __slots__ = ()


class C67(C66):
    __slots__ = ()


class C68(C67):
    __slots__ = ()


class C69(C68):
    __slots__ = ()


class C70(C69):
    __slots__ = ()


class C71(C70):
    __slots__ = ()


class C72(C71):
    __slots__ = ()


class C73(C72):
    __slots__ = ()


class C74(C73):
    __slots__ = ()


class C75(C74):
    __slots__ = ()


class C76(C75):
    __slots__ = ()


class C77(C76):
    __slots__ = ()


class C78(C77):
    __slots__ = ()


class C79(C78):
    __slots__ = ()


class C80(C79):
    __slots__ = ()


class C81(C80):
    __slots__ = ()


class C82(C81):
    __slots__ = ()


class C83(C82):
    __slots__ = ()


class C84(C83):
    __slots__ = ()


class C85(C84):
    __slots__ = ()


class C86(C85):
    __slots__ = ()


class C87(C86):
    __slots__ = ()


class C88(C87):
    __slots__ = ()


class C89(C88):
    __slots__ = ()


class C90(C89):
    __slots__ = ()


class C91(C90):
    __slots__ = ()


class C92(C91):
    __slots__ = ()


class C93(C92):
    __slots__ = ()


class C94(C93):
    __slots__ = ()


class C95(C94):
    __slots__ = ()


class C96(C95):
    __slots__ = ()


class C97(C96):
    __slots__ = ()


class C98(C97):
    __slots__ = ()


class C99(C98):
    __slots__ = ()


class C100(C99):
    __slots__ = ()


class C101(C100):
    __slots__ = ()


class C102(C101):
    __slots__ = ()


class C103(C102):
    __slots__ = ()


class C104(C103):
    __slots__ = ()


class C105(C104):
    __slots__ = ()


class C106(C105):
    __slots__ = ()


class C107(C106):
    __slots__ = ()


class C108(C107):
    __slots__ = ()


class C109(C108):
    __slots__ = ()


class C110(C109):
    __slots__ = ()


class C111(C110):
    __slots__ = ()


class C112(C111):
    __slots__ = ()


class C113(C112):
    __slots__ = ()


class C114(C113):
    __slots__ = ()


class C115(C114):
    __slots__ = ()


class C116(C115):
    __slots__ = ()


class C117(C116):
    __slots__ = ()


class C118(C117):
    __slots__ = ()


class C119(C118):
    __slots__ = ()


class C120(C119):
    __slots__ = ()


class C121(C120):
    __slots__ = ()


class C122(C121):
    __slots__ = ()


class C123(C122):
    __slots__ = ()


class C124(C123):
    __slots__ = ()


class C125(C124):
    __slots__ = ()


class C126(C125):
    __slots__ = ()


class C127(C126):
    __slots__ = ()


class C128(C127):
    __slots__ = ()


class C129(C128):
    __slots__ = ()


class C130(C129):
    __slots__ = ()


class C131(C130):
    __slots__ = ()


class C132(C131):
    __slots__ = ()


class C133(C132):
    __slots__ = ()


class C134(C133):
    __slots__ = ()


class C135(C134):
    __slots__ = ()


class C136(C135):
    __slots__ = ()


class C137(C136):
    __slots__ = ()


class C138(C137):
    __slots__ = ()


class C139(C138):
    __slots__ = ()


class C140(C139):
    __slots__ = ()


class C141(C140):
    __slots__ = ()


class C142(C141):
    __slots__ = ()


class C143(C142):
    __slots__ = ()


class C144(C143):
    __slots__ = ()


class C145(C144):
    __slots__ = ()


class C146(C145):
    __slots__ = ()


class C147(C146):
    __slots__ = ()


class C148(C147):
    __slots__ = ()


class C149(C148):
    __slots__ = ()


class C150(C149):
    __slots__ = ()


class C151(C150):
    __slots__ = ()


class C152(C151):
    __slots__ = ()


class C153(C152):
    __slots__ = ()


class C154(C153):
    __slots__ = ()


class C155(C154):
    __slots__ = ()


class C156(C155):
    __slots__ = ()


class C157(C156):
    __slots__ = ()


class C158(C157):
    __slots__ = ()


class C159(C158):
    __slots__ = ()


class C160(C159):
    __slots__ = ()


class C161(C160):
    __slots__ = ()


class C162(C161):
    __slots__ = ()


class C163(C162):
    __slots__ = ()


class C164(C163):
    __slots__ = ()


class C165(C164):
    __slots__ = ()


class C166(C165):
    __slots__ = ()


class C167(C166):
    __slots__ = ()


class C168(C167):
    __slots__ = ()


class C169(C168):
    __slots__ = ()


class C170(C169):
    __slots__ = ()


class C171(C170):
    __slots__ = ()


class C172(C171):
    __slots__ = ()


class C173(C172):
    __slots__ = ()


class C174(C173):
    __slots__ = ()


class C175(C174):
    __slots__ = ()


class C176(C175):
    __slots__ = ()


class C177(C176):
    __slots__ = ()


class C178(C177):
    __slots__ = ()


class C179(C178):
    __slots__ = ()


class C180(C179):
    __slots__ = ()


class C181(C180):
    __slots__ = ()


class C182(C181):
    __slots__ = ()


class C183(C182):
    __slots__ = ()


class C184(C183):
    __slots__ = ()


class C185(C184):
    __slots__ = ()


class C186(C185):
    __slots__ = ()


class C187(C186):
    __slots__ = ()


class C188(C187):
    __slots__ = ()


class C189(C188):
    __slots__ = ()


class C190(C189):
    __slots__ = ()


class C191(C190):
    __slots__ = ()


class C192(C191):
    __slots__ = ()


class C193(C192):
    __slots__ = ()


class C194(C193):
    __slots__ = ()


class C195(C194):
    __slots__ = ()


class C196(C195):
    __slots__ = ()


class C197(C196):
    __slots__ = ()


class C198(C197):
    __slots__ = ()


class C199(C198):
    __slots__ = ()


class C200(C199):
    __slots__ = ()


class C201(C200):
    __slots__ = ()


class C202(C201):
    __slots__ = ()


class C203(C202):
    __slots__ = ()


class C204(C203):
    __slots__ = ()


class C205(C204):
    __slots__ = ()


class C206(C205):
    __slots__ = ()


class C207(C206):
    __slots__ = ()


class C208(C207):
    __slots__ = ()


class C209(C208):
    __slots__ = ()


class C210(C209):
    __slots__ = ()


class C211(C210):
    __slots__ = ()


class C212(C211):
    __slots__ = ()


class C213(C212):
    __slots__ = ()


class C214(C213):
    __slots__ = ()


class C215(C214):
    __slots__ = ()


class C216(C215):
    __slots__ = ()


class C217(C216):
    __slots__ = ()


class C218(C217):
    __slots__ = ()


class C219(C218):
    __slots__ = ()


class C220(C219):
    __slots__ = ()


class C221(C220):
    __slots__ = ()


class C222(C221):
    __slots__ = ()


class C223(C222):
    __slots__ = ()


class C224(C223):
    __slots__ = ()


class C225(C224):
    __slots__ = ()


class C226(C225):
    __slots__ = ()


class C227(C226):
    __slots__ = ()


class C228(C227):
    __slots__ = ()


class C229(C228):
    __slots__ = ()


class C230(C229):
    __slots__ = ()


class C231(C230):
    __slots__ = ()


class C232(C231):
    __slots__ = ()


class C233(C232):
    __slots__ = ()


class C234(C233):
    __slots__ = ()


class C235(C234):
    __slots__ = ()


class C236(C235):
    __slots__ = ()


class C237(C236):
    __slots__ = ()


class C238(C237):
    __slots__ = ()


class C239(C238):
    __slots__ = ()


class C240(C239):
    __slots__ = ()


class C241(C240):
    __slots__ = ()


class C242(C241):
    __slots__ = ()


class C243(C242):
    __slots__ = ()


class C244(C243):
    __slots__ = ()


class C245(C244):
    __slots__ = ()


class C246(C245):
    __slots__ = ()


class C247(C246):
    __slots__ = ()


class C248(C247):
    __slots__ = ()


class C249(C248):
    __slots__ = ()


class C250(C249):
    __slots__ = ()


class C251(C250):
    __slots__ = ()


class C252(C251):
    __slots__ = ()


class C253(C252):
    __slots__ = ()


class C254(C253):
    __slots__ = ()


class C255(C254):
    __slots__ = ()


class C256(C255):
    __slots__ = ()


class C257(C256):
    __slots__ = ()


class C258(C257):
    __slots__ = ()


class C259(C258):
    __slots__ = ()


class C260(C259):
    __slots__ = ()


class C261(C260):
    __slots__ = ()


class C262(C261):
    __slots__ = ()


class C263(C262):
    __slots__ = ()


class C264(C263):
    __slots__ = ()


class C265(C264):
    __slots__ = ()


class C266(C265):
    __slots__ = ()


class C267(C266):
    __slots__ = ()


class C268(C267):
    __slots__ = ()


class C269(C268):
    __slots__ = ()


class C270(C269):
    __slots__ = ()


class C271(C270):
    __slots__ = ()


class C272(C271):
    __slots__ = ()


class C273(C272):
    __slots__ = ()


class C274(C273):
    __slots__ = ()


class C275(C274):
    __slots__ = ()


class C276(C275):
    __slots__ = ()


class C277(C276):
    __slots__ = ()


class C278(C277):
    __slots__ = ()


class C279(C278):
    __slots__ = ()


class C280(C279):
    __slots__ = ()


class C281(C280):
    __slots__ = ()


class C282(C281):
    __slots__ = ()


class C283(C282):
    __slots__ = ()


class C284(C283):
    __slots__ = ()


class C285(C284):
    __slots__ = ()


class C286(C285):
    __slots__ = ()


class C287(C286):
    __slots__ = ()


class C288(C287):
    __slots__ = ()


class C289(C288):
    __slots__ = ()


class C290(C289):
    __slots__ = ()


class C291(C290):
    __slots__ = ()


class C292(C291):
    __slots__ = ()


class C293(C292):
    __slots__ = ()


class C294(C293):
    __slots__ = ()


class C295(C294):
    __slots__ = ()


class C296(C295):
    __slots__ = ()


class C297(C296):
    __slots__ = ()


class C298(C297):
    __slots__ = ()


class C299(C298):
    __slots__ = ()


top = A59()
top.a0 = 1
top.q = 1  # expect: SLT001
deep = C299()
deep.c0 = 1
deep.q = 1  # expect: SLT001

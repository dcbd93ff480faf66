# selftest: fail no-oracle needs a reason
# no-oracle:
x = 1

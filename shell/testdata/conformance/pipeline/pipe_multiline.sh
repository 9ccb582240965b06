echo a |
tr a b |
tr b c

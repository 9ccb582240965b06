# expect: the number of names kill -l lists is dash's (65 here); bash lists 64 differently
kill -l | tr -s ' \t' '\n\n' | grep -c .

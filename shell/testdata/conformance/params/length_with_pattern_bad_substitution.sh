# zinebox-known-failure: mvdan.cc/sh/v3/syntax rejects the expansion at parse time; dash says Bad substitution when it runs
x=abc
echo ${#x#a}
echo not reached

echo one \
two \
three
ec\
ho joined

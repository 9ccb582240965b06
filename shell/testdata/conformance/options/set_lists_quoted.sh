q_zz="it's"
set | grep '^q_zz='
e_zz=
set | grep '^e_zz='

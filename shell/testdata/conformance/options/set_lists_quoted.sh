# expect: set lists values quoted dash's way ('it'"'"'s); bash writes 'it'\''s'
q_zz="it's"
set | grep '^q_zz='
e_zz=
set | grep '^e_zz='

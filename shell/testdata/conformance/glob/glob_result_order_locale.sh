touch a-b a_b aB ab
echo a*

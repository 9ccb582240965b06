touch b B a A 1 _z
echo *

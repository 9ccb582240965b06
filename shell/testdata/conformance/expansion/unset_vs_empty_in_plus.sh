unset u
e=
echo "[${u+set}][${e+set}][${u:+set}][${e:+set}]"

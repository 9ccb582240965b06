unset u; e=
echo "${u=new}" "$u"
echo "[${e=new}]" "[$e]"

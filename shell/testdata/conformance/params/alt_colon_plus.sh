unset u; e=; s=set
echo "[${u:+alt}]" "[${e:+alt}]" "[${s:+alt}]"

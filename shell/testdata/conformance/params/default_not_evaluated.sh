s=set
echo ${s:-$(echo SHOULD_NOT_RUN >&2)}
echo ${s+yes}
unset u
echo "[${u+$(echo NOPE)}]"

printf 'tab\there\nnl\\back\a\b\f\v\r\n' | od -An -c

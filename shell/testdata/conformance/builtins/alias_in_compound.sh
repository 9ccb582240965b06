alias al='echo from-alias'
if true; then
al
fi

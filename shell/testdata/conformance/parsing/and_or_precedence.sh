true || echo no && echo yes
false && echo no || echo fallback
false || false && echo no
true && false || echo rescued

case '[x]' in '[x]') echo quoted-brackets;; esac
case x in '[x]') echo no;; [x]) echo class;; esac

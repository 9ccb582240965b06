/* A thread blocked in read(2) while the main thread exits: strace ends
   the unfinished read with "= ?", its buffer never shown. */
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>
static int p[2];
static void *reader(void *a) { char b[8]; read(p[0], b, sizeof b); return a; }
int main(void) {
	pthread_t t;
	pipe(p);
	pthread_create(&t, 0, reader, 0);
	usleep(200000);
	exit(0);
}

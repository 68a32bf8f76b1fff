/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
#include <config.h>

#include <dlfcn.h>

#include <fontconfig/fontconfig.h>

#define AZ_FC_LAZY_C
#include "export/fc_lazy.h"

#define X(f) __typeof__(f) *az_##f;
AZ_FC_FUNCS
#undef X

int az_fc_load(void)
{
	static int state; /* 0 not tried, 1 loaded, -1 failed */
	if (state)
		return state > 0 ? 0 : -1;
	void *lib = dlopen(FONTCONFIG_SONAME, RTLD_NOW | RTLD_LOCAL);
	/* every function or none: a pointer left NULL is never called */
	void **slot[] = {
#define X(f) (void **)&az_##f,
		AZ_FC_FUNCS
#undef X
	};
	static const char *const name[] = {
#define X(f) #f,
		AZ_FC_FUNCS
#undef X
	};
	state = lib ? 1 : -1;
	for (size_t i = 0; lib && i < sizeof slot / sizeof slot[0]; i++)
		if (!(*slot[i] = dlsym(lib, name[i])))
			state = -1;
	if (state < 0 && lib)
		dlclose(lib);
	return state > 0 ? 0 : -1;
}
